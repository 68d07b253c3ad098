## The data part of faro.

## src/data/indicators/mod.rs: indicator files (data/indicators/).
data-indicators-unreadable = cannot read: { $error }
data-csv-without-yaml = this CSV file has no YAML file of the same name beside it
data-duplicate-indicator = { $yml } and { $yaml } give the same indicator id
data-duplicate-indicator-hint = keep one of the two files
data-bad-indicator-id = `{ $id }` cannot be an indicator id: use lowercase letters, digits and hyphens
data-bad-indicator-id-hint = the file name is the id and part of the indicator's URL, e.g. victimas-por-anio.yaml
data-bad-source-date = `source.date` must be a date written YYYY-MM-DD, not `{ $date }`
data-suppress-below-zero = `suppress_below` must be at least 1: protection of small counts cannot be turned off
data-baseline-below-threshold = the baseline of { $value } is fewer than `suppress_below` ({ $threshold }): it would publish a small count of people
data-baseline-below-threshold-hint = give the baseline as a share (measure: percent), or leave it out
data-baseline-gives-away = the baseline of { $value } is the { $year } total, which is hidden to protect small counts: it would publish it
data-does-not-add-up = the values of breakdown `{ $dim }` for period `{ $period }` add up to { $sum }, not to this total of { $value }
data-does-not-add-up-hint = if part of the total is not broken down, say `adds_up: at-most` under breakdowns.{ $dim }; if one person can count under several values, `adds_up: overlapping`
data-total-cannot-be-protected = period `{ $period }` (the total) cannot be protected: whatever else is withheld, what is published narrows it to fewer than { $threshold } possible values
data-cell-cannot-be-protected = period `{ $period }` ({ $what }) cannot be protected: whatever else is withheld, what is published narrows it to fewer than { $threshold } possible values
data-cannot-be-protected-hint = two small counts whose total is not small give each other away; merge the small groups (for example into `other`) or publish fewer breakdowns
data-no-text-for-language = `{ $key }` has no text for language `{ $lang }`
data-bad-breakdown = breakdown `{ $id }`: { $error }
data-value-needs-labels = the value `{ $key }` of breakdown `{ $id }` needs a label per language, like {"{"} es: Mujeres, en: Women {"}"}
data-key-out-of-range = `{ $key }.value`: { data-out-of-range }
data-target-without-year = the target has no `year`: say by when it should be reached
data-baseline-without-year = the baseline has no `year`
data-series-and-csv = values are given both in `series` and in { $csv }; keep one
data-no-values = the indicator has no values: add `series` rows or a CSV file beside it
data-too-many-rows = more than { $max } rows: an indicator may have at most { $max }
data-too-many-rows-hint = publish a summary (per year, per region) rather than individual records

## src/data/indicators/rows.rs: the rows of an indicator, from `series` or its CSV file.
data-not-a-number = `{ $text }` is not a number
data-not-a-number-hint = write numbers with digits and a decimal point, without units: 79.6, not 79,6 %
data-unknown-column = `{ $column }` is neither `period`, `value` nor a breakdown declared under `breakdowns`
data-unknown-breakdown-value = `{ $text }` is not a value of breakdown `{ $dim }`, so it has no label
data-unknown-breakdown-value-hint = add it under breakdowns.{ $dim }.values with a label per language
data-row-without-period = this row has no `period`
data-row-without-value = this row has no `value`
data-csv-bad-header = cannot read the CSV header: { $error }
data-csv-bad-row = cannot read this CSV row: { $error }
data-period-twice = period `{ $period }` is given twice (first on line { $first })
data-cell-twice = period `{ $period }` ({ $what }) is given twice (first on line { $first })
# Why a value does not fit its measure ($why), said after what the value is.
data-out-of-range = { $why ->
        [percent] { $value } is not a percentage between 0 and 100
        [negative] { $value } people cannot be a count
        [fraction] { $value } is not a whole number of people
        [too-many] { $value } is more people than there are
        [too-large] { $value } is too large to publish as a figure
       *[not-a-number] `{ $value }` is not a number
    }

## src/data/goals.rs: data/goals.yaml and data/roadmap.yaml.
data-goal-twice = goal id `{ $id }` is used twice
data-goal-unknown-indicator = goal `{ $goal }` has a target on indicator `{ $indicator }`, which does not exist
data-indicator-files-hint = indicators are the files in data/indicators/; the id is the file name without .yaml
data-goal-target-out-of-range = the target of goal `{ $goal }` on `{ $indicator }`: { data-out-of-range }
data-goal-down-needs-baseline = indicator `{ $indicator }` should go down, so it needs a `baseline` to measure progress from
data-action-twice = action id `{ $id }` is used twice
data-action-unknown-goal = action `{ $action }` belongs to goal `{ $goal }`, which is not in data/goals.yaml
data-action-bad-due = action `{ $action }`: `due` must be a date written YYYY-MM-DD, not `{ $due }`

## src/data/editions.rs: frozen editions of final reports (data/editions/) and what revises them.
data-revised-target = the { $year } report froze goal `{ $goal }` / indicator `{ $indicator }` at { $latest ->
        [none] no value
       *[other] { $latest }
    } ({ $period }), { $status }; the data now gives { $now_latest ->
        [none] no value
       *[other] { $now_latest }
    } ({ $now_period }), { $now_status }
data-revised-target-gone = the { $year } report froze goal `{ $goal }` / indicator `{ $indicator }` at { $latest ->
        [none] no value
       *[other] { $latest }
    } ({ $period }), { $status }; the data now gives no longer in the data
data-revised-target-hint = the published report keeps its frozen values; say so in next year's report if the figure was revised
data-revised-figures = the { $year } report froze the figures of indicator `{ $indicator }`; its data up to { $year } has changed since
data-revised-figures-hint = the published report keeps its frozen figures and charts
data-revised-list = the { $year } report listed its { $what ->
        [goals] goals
       *[actions] actions
    } when frozen; added since, and not in it: { $added }
data-revised-action = the { $year } report froze action `{ $action }` as { $status }; the data now says { $now_status }
data-revised-action-gone = the { $year } report froze action `{ $action }` as { $status }; the data now says nothing

## src/model/checks.rs: what a page asks of the site (charts, report blocks, taxonomies, campaigns).
data-chart-unknown-indicator = the chart shortcode names `{ $id }`, which is not an indicator
report-block-outside-report = `{"{{"}< { $name } >{"}}"}` only works in a chapter of a report
report-block-outside-report-hint = a report is a folder whose _index.md has a `report:` block; its pages are the chapters
data-unknown-taxonomy = `{ $key }` is not a taxonomy of this site
data-unknown-taxonomy-hint = declare it under `taxonomies` in site.yaml (key, name and slug per language), or use `tags`
data-unknown-template = template `{ $template }` does not exist in the theme or in templates/
kit-empty-message = the campaign's `message` is empty
kit-empty-message-hint = write the key message in one or two sentences
kit-too-many-figures = a campaign has at most { $max } key figures; this one has { $figures }
kit-too-many-figures-hint = keep the strongest figures: a poster is read from a distance
kit-figure-unknown-indicator = key figure { $n } names `{ $id }`, which is not an indicator
kit-figure-without-total = the indicator `{ $id }` has no total to show as a key figure
kit-figure-without-total-hint = name an indicator with a total row, or write the figure with `value` and `label`
kit-figure-incomplete = key figure { $n } needs either `indicator` (and maybe a `label`), or both `value` and `label`
kit-figure-incomplete-hint = for example `{"{"} value: "83,6 %", label: "conocía a su tratante", source: "CIES, 2022" {"}"}`
data-text-lang-own = `text_lang: { $lang }` is the page's own language
data-text-lang-unknown = `text_lang: { $lang }` is not a language of the site or one faro knows
data-text-lang-hint = text_lang names the language the text is still in, while it awaits translation; delete it once translated
data-term-without-slug = the term `{ $term }` has no letters or digits, so it has no address to be listed at
data-term-without-slug-hint = write the term with at least one letter or digit, or remove it

## src/model/mod.rs: pages and addresses site.yaml names.
data-menu-url-without-slash = the link `{ $url }` of menu entry `{ $name }` leads to a folder without its final slash
data-menu-url-without-slash-hint = write `{ $slashed }`: hosts redirect it, a request more and not everywhere
data-menu-url-to-nothing = the link `{ $url }` of menu entry `{ $name }` leads to nothing this site publishes
data-menu-url-to-nothing-hint = a site path is a page's URL without the base path (`/es/guia/`), or a file of static/; `page:` names a page by its file
data-menu-page-missing = menu entry `{ $name }` points to content/{ $lang }/{ $src }, which does not exist
data-safety-page-missing = `quick_exit.safety_page` points to content/{ $lang }/{ $src }, which does not exist

## src/pages/kits/: campaign kits (logo, QR code, social card, PDFs, ZIP).
kit-logo-hint = put the file in static/ and write its path there, such as `logo: logo.svg`
kit-logo-bad-type = the logo `{ $logo }` must be an SVG, PNG or JPEG file
kit-logo-bad-path = the logo `{ $logo }` must be a path inside static/, without `..`
kit-logo-unreadable = the logo `{ $logo }` cannot be read: { $error }
kit-logo-outside = the logo `{ $logo }` leads outside the site folder, and is not read
kit-logo-special = the logo `{ $logo }` is { $kind ->
        [fifo] a FIFO (named pipe)
        [socket] a socket
        [device] a device
       *[other] not a regular file
    }, not a file, and is not read
kit-logo-missing = the logo `{ $logo }` is not in static/
kit-qr-failed = cannot make a QR code of { $text }: { $error }
kit-card-bad-svg = the social card is not valid SVG: { $error }
kit-card-no-memory = cannot allocate the card
kit-card-png-failed = cannot encode the card as PNG: { $error }
kit-zip-failed = cannot make { $zip }: { $error }

## src/pages/publish.rs: aliases (redirects) and the record of published URLs (urls.txt).
data-alias-to-itself = the alias `{ $alias }` is this page's own address, so it would redirect to itself
data-alias-is-a-page = the alias `{ $alias }` is the address of another page, /{ $other }{ $case ->
        [same] {""}
       *[other] , but for the case of its letters
    }
data-alias-twice = the alias `{ $alias }` is also an alias of content/{ $rel }{ $case ->
        [same] {""}
       *[other] {" "}(but for the case of its letters)
    }
data-url-removed = { $url } was published before and this build would drop it
data-url-removed-hint = add `aliases: ["{ $url }"]` to the front matter of the page that replaces it, so links to it keep working

## src/pages/claims.rs: two outputs at one address, or an address a server would not serve.
# How a message names each side of a clash ($subject_kind, $other_kind and their values).
data-claim-subject = { $subject_kind ->
        [this-page] this page
        [this-file] this file
        [page] content/{ $subject_arg }
        [alias] the alias `{ $subject_arg }` of content/{ $subject_arg2 }
        [theme-file] the theme's file { $subject_arg } (generated)
        [generated-file] { $subject_arg } (generated)
        [sitemap] the sitemap (generated)
        [feed] the Atom feed /{ $subject_arg } (generated)
        [indicators] the indicator pages of { $subject_arg } (generated)
        [kit] the campaign kit of { $subject_arg } (generated)
        [full-view] the full view of { $subject_arg } (generated)
        [search-index] the search index of { $subject_arg } (generated)
        [search-page] the search page of { $subject_arg } (generated)
        [lists] the { $subject_arg } lists of { $subject_arg2 } (generated)
        [not-found] the 404 page (generated)
        [root] the root page, which leads to the default language (generated)
       *[file] { $subject_arg }
    }
data-claim-other = { $other_kind ->
        [this-page] this page
        [this-file] this file
        [page] content/{ $other_arg }
        [alias] the alias `{ $other_arg }` of content/{ $other_arg2 }
        [theme-file] the theme's file { $other_arg } (generated)
        [generated-file] { $other_arg } (generated)
        [sitemap] the sitemap (generated)
        [feed] the Atom feed /{ $other_arg } (generated)
        [indicators] the indicator pages of { $other_arg } (generated)
        [kit] the campaign kit of { $other_arg } (generated)
        [full-view] the full view of { $other_arg } (generated)
        [search-index] the search index of { $other_arg } (generated)
        [search-page] the search page of { $other_arg } (generated)
        [lists] the { $other_arg } lists of { $other_arg2 } (generated)
        [not-found] the 404 page (generated)
        [root] the root page, which leads to the default language (generated)
       *[file] { $other_arg }
    }
data-clash-case = { data-claim-subject } writes /{ $path } and { data-claim-other } writes /{ $other_path }: the two differ only in case, which many hosts do not tell apart
data-clash-file-and-folder = { data-claim-subject } writes /{ $path } and { data-claim-other } writes /{ $other_path }: one would be a file where the other needs a folder
data-clash-same = { data-claim-subject } and { data-claim-other } both write /{ $path }
data-clash-page-hint = give the page a different `slug`, or another file or folder name
data-clash-alias-hint = change or remove the alias: that address is taken
data-clash-file-hint = rename or move the file: that address is taken
data-clash-generated-hint = two generated pages share an address: check the `*_slug` strings in i18n/ and the taxonomy slugs in site.yaml
data-unsafe-output-path = { data-claim-subject } would be published at /{ $path }, whose `{ $char }` a web server would decode or cut
data-unsafe-output-path-hint = rename it without `%`, `?`, `#`, `\` or control characters

## src/print.rs: a kit's PDF that Chromium could not print ($file is the PDF's name).
kit-print-no-folder = { $file }: cannot create { $folder }: { $error }
kit-print-cannot-write = { $file }: cannot write { $html }: { $error }
kit-print-chromium-failed = { $file }: Chromium could not print: { $error }
kit-print-cannot-read = { $file }: cannot read the PDF: { $error }
