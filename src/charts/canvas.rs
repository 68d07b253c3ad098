//! A chart as a list of marks (rectangles, lines, markers, labels) on a canvas of known
//! size, drawn into SVG by plotters in one place. Every label goes through the canvas's
//! `Room`, so no label leaves the chart or lands on another; the legend is laid out here
//! too, because bars and lines share it.

use super::layout::{text_width, wrap, Rect, Room};
use super::{sentinel, FONT, GRID, HATCH, INK, PALETTE, WIDTH};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How a shape is filled: a colour, or a pattern (series `k`, or the hatching of a value
/// that is not published), swapped in by `finish`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Paint {
    Solid(RGBColor),
    Pattern(u8),
}

impl Paint {
    pub(super) fn series(k: usize) -> Paint {
        Paint::Pattern((k % PALETTE.len()) as u8)
    }

    pub(super) const HIDDEN: Paint = Paint::Pattern(HATCH);

    fn color(self) -> RGBColor {
        match self {
            Paint::Solid(c) => c,
            Paint::Pattern(k) => sentinel(k),
        }
    }
}

/// A text and where it is anchored.
#[derive(Clone)]
pub(super) struct Label {
    pub(super) text: String,
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) size: f64,
    pub(super) bold: bool,
    pub(super) h: HPos,
    pub(super) v: VPos,
    pub(super) color: RGBColor,
}

impl Label {
    /// `text` at (x, y), anchored at its top left, regular, in ink.
    pub(super) fn new(text: impl Into<String>, x: f64, y: f64, size: f64) -> Label {
        Label { text: text.into(), x, y, size, bold: false, h: HPos::Left, v: VPos::Top, color: INK }
    }

    pub(super) fn bold(mut self) -> Label {
        self.bold = true;
        self
    }

    pub(super) fn at(mut self, h: HPos, v: VPos) -> Label {
        self.h = h;
        self.v = v;
        self
    }

    pub(super) fn color(mut self, color: RGBColor) -> Label {
        self.color = color;
        self
    }

    pub(super) fn width(&self) -> f64 {
        text_width(&self.text, self.size, self.bold)
    }

    pub(super) fn rect(&self) -> Rect {
        Rect::of_text(self.x, self.y, self.width(), self.size, self.h, self.v)
    }
}

#[derive(Clone)]
pub(super) enum Mark {
    Rect(Rect, Paint),
    /// A rectangle's outline: colour and stroke width.
    Outline(Rect, RGBColor, u32),
    Line(Vec<(f64, f64)>, RGBColor, u32),
    /// Marker shape `k` (circle, square, triangle, diamond) at (x, y); hollow when the value
    /// is not published.
    Marker {
        k: usize,
        x: f64,
        y: f64,
        color: RGBColor,
        hollow: bool,
    },
    Text(Label),
}

/// The marks of one chart, its height and the room its labels have taken.
pub(super) struct Canvas {
    pub(super) height: f64,
    pub(super) marks: Vec<Mark>,
    pub(super) room: Room,
}

impl Canvas {
    pub(super) fn new(height: f64) -> Canvas {
        Canvas { height: height.ceil(), marks: Vec::new(), room: Room::new(f64::from(WIDTH), height.ceil()) }
    }

    pub(super) fn push(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    pub(super) fn rect(&mut self, r: Rect, paint: Paint) {
        self.marks.push(Mark::Rect(r, paint));
    }

    pub(super) fn line(&mut self, points: Vec<(f64, f64)>, color: RGBColor, width: u32) {
        self.marks.push(Mark::Line(points, color, width));
    }

    /// A dashed horizontal line from x0 to x1 at y.
    pub(super) fn dashed(&mut self, x0: f64, x1: f64, y: f64) {
        let mut x = x0;
        while x < x1 {
            self.line(vec![(x, y), ((x + 6.0).min(x1), y)], INK, 1);
            x += 10.0;
        }
    }

    /// A label the layout has made room for; it is registered so later labels keep clear.
    pub(super) fn text(&mut self, label: Label) {
        self.room.block(label.rect());
        self.marks.push(Mark::Text(label));
    }

    /// A label drawn only where it fits; whether it was.
    pub(super) fn text_if_room(&mut self, label: Label) -> bool {
        let placed = self.room.take(label.rect());
        if placed {
            self.marks.push(Mark::Text(label));
        }
        placed
    }

    /// The first of `candidates` (places for one label) that fits; whether one did.
    pub(super) fn first_that_fits(&mut self, candidates: impl IntoIterator<Item = Label>) -> bool {
        candidates.into_iter().any(|label| self.text_if_room(label))
    }

    /// Whether every one of `labels` fits, together.
    pub(super) fn all_fit(&self, labels: &[Label]) -> bool {
        let mut room = self.room.clone();
        labels.iter().all(|l| room.take(l.rect()))
    }
}

/// What a legend entry shows beside its text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Swatch {
    /// The pattern of series `k`.
    Series(usize),
    /// Series `k` of a line chart: its colour and marker.
    Line(usize),
    /// Hatching: a bar whose value is not published.
    Hatch,
    /// A hollow marker: a point whose value is not published.
    Hollow,
    /// The dashed target line.
    Target,
}

/// A legend under the plot: a heading naming the breakdown, then entries flowing in rows.
#[derive(Default)]
pub(super) struct Legend {
    pub(super) heading: Option<String>,
    pub(super) items: Vec<(Swatch, String)>,
}

/// A legend entry laid out: where its swatch goes, and its text's lines.
type Entry = (f64, f64, Swatch, Vec<String>);

const SWATCH: f64 = 24.0;
const ROW: f64 = 20.0;
const MARGIN: f64 = 8.0;

impl Legend {
    /// Each entry's swatch position and its text lines, from `top`; and the bottom.
    fn layout(&self, top: f64) -> (Vec<Entry>, f64) {
        let right = f64::from(WIDTH) - MARGIN;
        let text_room = right - MARGIN - SWATCH - 6.0;
        let (mut x, mut y) = (MARGIN, top);
        if self.heading.is_some() {
            y += ROW;
        }
        let mut out = Vec::new();
        let mut row_lines = 1;
        for (swatch, text) in &self.items {
            let lines = wrap(text, FONT, false, text_room);
            let w = SWATCH + 6.0 + lines.iter().map(|l| text_width(l, FONT, false)).fold(0.0, f64::max);
            if x > MARGIN && x + w > right {
                x = MARGIN;
                y += ROW * f64::from(row_lines);
                row_lines = 1;
            }
            row_lines = row_lines.max(lines.len() as u32);
            out.push((x, y, *swatch, lines));
            x += w + 16.0;
        }
        let bottom = if self.items.is_empty() { y } else { y + ROW * f64::from(row_lines) };
        (out, bottom)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.items.is_empty() && self.heading.is_none()
    }

    /// The legend's height when drawn.
    pub(super) fn height(&self) -> f64 {
        self.layout(0.0).1
    }

    pub(super) fn draw(&self, canvas: &mut Canvas, top: f64) {
        if let Some(heading) = &self.heading {
            canvas.text(Label::new(heading.clone(), MARGIN, top + ROW / 2.0, FONT).bold().at(HPos::Left, VPos::Center));
        }
        for (x, y, swatch, lines) in self.layout(top).0 {
            let cy = y + ROW / 2.0;
            swatch_marks(canvas, swatch, x, cy);
            for (n, line) in lines.into_iter().enumerate() {
                let label = Label::new(line, x + SWATCH + 6.0, cy + ROW * n as f64, FONT).at(HPos::Left, VPos::Center);
                canvas.text(label);
            }
        }
    }
}

fn swatch_marks(canvas: &mut Canvas, swatch: Swatch, x: f64, cy: f64) {
    let bar = Rect::new(x, cy - 7.0, x + SWATCH, cy + 7.0);
    match swatch {
        Swatch::Series(k) => canvas.rect(bar, Paint::series(k)),
        Swatch::Hatch => {
            canvas.rect(bar, Paint::HIDDEN);
            canvas.push(Mark::Outline(bar, GRID, 1));
        }
        Swatch::Line(k) => {
            canvas.line(vec![(x, cy), (x + SWATCH, cy)], PALETTE[k % PALETTE.len()], 3);
            canvas.push(Mark::Marker {
                k,
                x: x + SWATCH / 2.0,
                y: cy,
                color: PALETTE[k % PALETTE.len()],
                hollow: false,
            });
        }
        Swatch::Hollow => {
            canvas.push(Mark::Marker { k: 0, x: x + SWATCH / 2.0, y: cy, color: HIDDEN_MARK, hollow: true })
        }
        Swatch::Target => {
            canvas.dashed(x, x + SWATCH, cy);
        }
    }
}

/// The grey of markers whose value is not published (4.6:1 on white).
pub(super) const HIDDEN_MARK: RGBColor = RGBColor(95, 107, 122);

/// The canvas as plotters' SVG (before `finish` makes it accessible).
pub(super) fn draw(canvas: &Canvas) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, canvas.height as u32)).into_drawing_area();
        let _ = root.fill(&WHITE);
        for mark in &canvas.marks {
            // Drawing into a String cannot fail; a failure here would be a bug in the layout.
            draw_mark(&root, mark).expect("drawing into a String");
        }
        let _ = root.present();
    }
    svg
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn draw_mark(root: &Area, mark: &Mark) -> Drawn {
    match mark {
        Mark::Rect(r, paint) => {
            root.draw(&Rectangle::new([(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))], paint.color().filled()))
        }
        Mark::Outline(r, color, width) => {
            root.draw(&Rectangle::new([(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))], color.stroke_width(*width)))
        }
        Mark::Line(points, color, width) => {
            let points: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
            root.draw(&PathElement::new(points, color.stroke_width(*width)))
        }
        Mark::Marker { k, x, y, color, hollow } => marker(root, *k, (px(*x), px(*y)), *color, *hollow),
        Mark::Text(l) => {
            let font = if l.bold {
                ("sans-serif", l.size * 1.24, FontStyle::Bold).into_font()
            } else {
                ("sans-serif", l.size * 1.24).into_font()
            };
            let style = TextStyle::from(font).color(&l.color).pos(Pos::new(l.h, l.v));
            root.draw(&Text::new(l.text.as_str(), (px(l.x), px(l.y)), style))
        }
    }
}

/// Circle, square, triangle, diamond: series stay apart without colour. A hollow circle
/// marks a value that is not published.
fn marker(root: &Area, k: usize, (x, y): (i32, i32), color: RGBColor, hollow: bool) -> Drawn {
    if hollow {
        root.draw(&Circle::new((x, y), 5, WHITE.filled()))?;
        return root.draw(&Circle::new((x, y), 5, color.stroke_width(2)));
    }
    match k % 4 {
        0 => root.draw(&Circle::new((x, y), 5, color.filled())),
        1 => root.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], color.filled())),
        2 => root.draw(&Polygon::new(vec![(x, y - 6), (x + 6, y + 5), (x - 6, y + 5)], color.filled())),
        _ => root.draw(&Polygon::new(vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)], color.filled())),
    }
}
