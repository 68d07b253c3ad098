use super::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

type Keys = BTreeMap<String, String>;

fn keys(pairs: &[(&str, &str)]) -> Keys {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A one-way table: cells `region: r0..` and the total, last.
fn one_way(values: &[u32]) -> (Vec<Keys>, Vec<f64>) {
    let mut ks: Vec<Keys> = (0..values.len()).map(|i| keys(&[("region", &format!("r{i}"))])).collect();
    let mut vs: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
    ks.push(Keys::new());
    vs.push(vs.iter().sum());
    (ks, vs)
}

/// A two-way table (sex × region) with both margins and the grand total.
fn two_way(values: &[Vec<u32>]) -> (Vec<Keys>, Vec<f64>) {
    let mut ks = Vec::new();
    let mut vs = Vec::new();
    let cols = values[0].len();
    for (r, row) in values.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            ks.push(keys(&[("sex", &format!("s{r}")), ("region", &format!("r{c}"))]));
            vs.push(f64::from(v));
        }
        ks.push(keys(&[("sex", &format!("s{r}"))]));
        vs.push(row.iter().map(|&v| f64::from(v)).sum());
    }
    for c in 0..cols {
        ks.push(keys(&[("region", &format!("r{c}"))]));
        vs.push(values.iter().map(|row| f64::from(row[c])).sum());
    }
    ks.push(Keys::new());
    vs.push(values.iter().flatten().map(|&v| f64::from(v)).sum());
    (ks, vs)
}

fn run(ks: &[Keys], vs: &[f64], t: u32) -> (Vec<Cell>, Vec<usize>, Vec<Relation>) {
    let keyed: Vec<(&Keys, f64)> = ks.iter().zip(vs).map(|(k, &v)| (k, v)).collect();
    let (rels, _) = relations(&keyed, &|_| AddsUp::Exactly);
    let dims: Vec<usize> = ks.iter().map(BTreeMap::len).collect();
    let (cells, failed) = protect(vs, &dims, &rels, t);
    (cells, failed, rels)
}

/// Every value each hidden cell can take, found by trying every table of detailed cells
/// consistent with what is published (margins follow by addition). Witnesses only: a
/// withheld cell is tried up to its true value + 2N, enough to find N values if it has
/// them. None when the search would be too large.
fn brute_force(ks: &[Keys], vs: &[f64], cells: &[Cell], t: u32) -> Option<Vec<BTreeSet<u64>>> {
    let depth = ks.iter().map(BTreeMap::len).max().unwrap_or(0);
    let leaves: Vec<usize> = (0..ks.len()).filter(|&i| ks[i].len() == depth).collect();
    let choices: Vec<Vec<u64>> = leaves
        .iter()
        .map(|&i| match cells[i] {
            Cell::Shown(v) => vec![v as u64],
            Cell::Below => (0..u64::from(t)).collect(),
            Cell::Withheld => (u64::from(t)..=vs[i] as u64 + 2 * u64::from(t)).collect(),
        })
        .collect();
    if choices.iter().map(|c| c.len() as u64).product::<u64>() > 60_000 {
        return None;
    }
    // The detailed cells each cell adds up.
    let parts: Vec<Vec<usize>> = (0..ks.len())
        .map(|m| (0..leaves.len()).filter(|&n| ks[m].iter().all(|(k, v)| ks[leaves[n]].get(k) == Some(v))).collect())
        .collect();
    let mut seen = vec![BTreeSet::new(); ks.len()];
    let mut pick = vec![0usize; leaves.len()];
    let mut all = vec![0u64; ks.len()];
    loop {
        for m in 0..ks.len() {
            all[m] = parts[m].iter().map(|&n| choices[n][pick[n]]).sum();
        }
        let fits = (0..ks.len()).all(|m| match cells[m] {
            Cell::Shown(v) => all[m] == v as u64,
            Cell::Below => all[m] < u64::from(t),
            Cell::Withheld => all[m] >= u64::from(t),
        });
        if fits {
            for m in 0..ks.len() {
                seen[m].insert(all[m]);
            }
        }
        // Next combination, odometer style.
        let mut n = 0;
        loop {
            if n == pick.len() {
                return Some(seen);
            }
            pick[n] += 1;
            if pick[n] < choices[n].len() {
                break;
            }
            pick[n] = 0;
            n += 1;
        }
    }
}

fn safe_by_brute_force(cells: &[Cell], seen: &[BTreeSet<u64>], t: u32) -> bool {
    cells.iter().zip(seen).all(|(cell, values)| match cell {
        Cell::Shown(_) => true,
        Cell::Below => (0..u64::from(t)).all(|v| values.contains(&v)),
        Cell::Withheld => values.len() as u64 >= u64::from(t),
    })
}

#[test]
fn two_small_cells_that_add_up_to_eight_are_not_left_to_be_worked_out() {
    // Issue 15: 27 in all, Lima 19, and two regions of fewer than 5 that must both be 4.
    let (ks, vs) = one_way(&[19, 4, 4]);
    let (cells, failed, rels) = run(&ks, &vs, 5);
    assert!(failed.is_empty());
    assert_eq!(cells, [Cell::Withheld, Cell::Below, Cell::Below, Cell::Shown(27.0)]);
    let ranges = audit(&cells, &rels, 5, 1000);
    assert_eq!(ranges[1], Some(Range { lo: 0, hi: Some(4) }));
    assert_eq!(ranges[0], Some(Range { lo: 19, hi: Some(27) }));
}

#[test]
fn the_published_pair_is_caught_by_the_audit() {
    let (ks, vs) = one_way(&[19, 4, 4]);
    let keyed: Vec<(&Keys, f64)> = ks.iter().zip(&vs).map(|(k, &v)| (k, v)).collect();
    let (rels, _) = relations(&keyed, &|_| AddsUp::Exactly);
    let naive = [Cell::Shown(19.0), Cell::Below, Cell::Below, Cell::Shown(27.0)];
    let ranges = audit(&naive, &rels, 5, 1000);
    assert_eq!(ranges[1], Some(Range { lo: 4, hi: Some(4) }));
    assert!(!ranges[1].unwrap().protects(Cell::Below, 5));
}

#[test]
fn a_second_cell_hidden_to_protect_the_first_is_withheld_not_fewer_than_five() {
    // Issue 15: Cusco 8 hidden beside a small count must not read "fewer than 5".
    let (ks, vs) = one_way(&[30, 8, 3]);
    let (cells, failed, _) = run(&ks, &vs, 5);
    assert!(failed.is_empty());
    assert_eq!(cells, [Cell::Shown(30.0), Cell::Withheld, Cell::Below, Cell::Shown(41.0)]);
}

#[test]
fn without_a_total_a_small_count_alone_is_enough() {
    let ks = vec![keys(&[("sex", "w")]), keys(&[("sex", "m")])];
    let (cells, failed, _) = run(&ks, &[97.0, 3.0], 5);
    assert!(failed.is_empty());
    assert_eq!(cells, [Cell::Shown(97.0), Cell::Below]);
}

#[test]
fn a_two_way_table_is_protected_along_both_margins() {
    let (ks, vs) = two_way(&[vec![12, 3, 20], vec![9, 15, 7]]);
    let (cells, failed, rels) = run(&ks, &vs, 5);
    assert!(failed.is_empty(), "{cells:?}");
    let ranges = audit(&cells, &rels, 5, 10_000);
    assert_eq!(ranges[1], Some(Range { lo: 0, hi: Some(4) }));
    if let Some(seen) = brute_force(&ks, &vs, &cells, 5) {
        assert!(safe_by_brute_force(&cells, &seen, 5), "{cells:?} {seen:?}");
    }
}

#[test]
fn a_region_whose_two_small_counts_make_five_cannot_be_protected() {
    // Women 3 and men 2 in one region: whatever else is hidden, both are at least 1,
    // because their total is not fewer than 5. That is an error, not a publication.
    let (ks, vs) = two_way(&[vec![3, 20], vec![2, 30]]);
    let (_, failed, _) = run(&ks, &vs, 5);
    assert!(!failed.is_empty());
}

fn check_table(ks: &[Keys], vs: &[f64], t: u32) -> Result<(), TestCaseError> {
    let (cells, failed, rels) = run(ks, vs, t);
    let cap = (vs.iter().sum::<f64>() * 2.0) as u64 + u64::from(t) + 1;
    let ranges = audit(&cells, &rels, t, cap);
    // Nothing small is ever published, and primary cells are exactly the small ones.
    for (i, cell) in cells.iter().enumerate() {
        prop_assert_eq!(*cell == Cell::Below, vs[i] < f64::from(t), "cell {}: {:?}", i, cell);
        if let Cell::Shown(v) = cell {
            prop_assert_eq!(*v, vs[i]);
        }
    }
    if failed.is_empty() {
        for i in 0..cells.len() {
            if let Some(r) = ranges[i] {
                prop_assert!(r.protects(cells[i], t), "cell {} {:?} narrowed to {:?}", i, cells[i], r);
            }
        }
        // And independently of the solver: no hidden cell is narrowed below N values.
        if let Some(seen) = brute_force(ks, vs, &cells, t) {
            prop_assert!(safe_by_brute_force(&cells, &seen, t), "{:?} {:?}", cells, seen);
        }
    } else if let Some(seen) = brute_force(ks, vs, &cells, t) {
        // A refusal is real: the best publication found still narrows a hidden cell.
        prop_assert!(!safe_by_brute_force(&cells, &seen, t));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_hidden_cell_of_a_one_way_table_is_narrowed(values in prop::collection::vec(0u32..14, 2..6), t in 2u32..6) {
        let (ks, vs) = one_way(&values);
        check_table(&ks, &vs, t)?;
    }

    #[test]
    fn no_hidden_cell_of_a_two_way_table_is_narrowed(
        values in (2usize..4).prop_flat_map(|cols| prop::collection::vec(prop::collection::vec(0u32..12, cols), 2..4)),
        t in 2u32..6,
    ) {
        let (ks, vs) = two_way(&values);
        check_table(&ks, &vs, t)?;
    }
}
