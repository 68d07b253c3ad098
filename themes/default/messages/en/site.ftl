## The site part of faro.

## src/config.rs: site.yaml's checks
config-not-an-email = `{ $email }` is not an email address (one `@`, no spaces or `<>"?:` signs)
config-missing-key = missing field `{ $key }`
config-missing-keys = missing field `{ $key }` (site.yaml also needs { $others })
config-no-languages = `languages` must list at least one language
config-not-a-language-code = `{ $lang }` is not a language code (use codes such as `es`, `en`, `qu`, `pt-BR`)
config-language-twice = language `{ $lang }` is listed twice
config-bad-base-url = `{ $name }` must be an absolute http(s) URL with a host and no user, query or fragment, such as `https://example.org/campana/`: { $problem }
config-bad-base-url-hint = percent-encode what a path needs (a space is %20); leave out `?…` and `#…`
config-no-text-for-language = `{ $key }` has no text for language `{ $lang }`
config-text-for-undeclared-language = `{ $key }` has text for `{ $lang }`, which is not in `languages`
config-not-a-phone = `{ $phone }` is not a phone number to dial: it { $why ->
        [signs] holds more than a number
        [long] is longer than a number is written (30 characters at most)
       *[digits] has too few or too many digits (3 to 15)
    }; write one number, with only digits, spaces, `+`, `-`, `.` and an area code in parentheses, and any options, other numbers or hours in `description` (or another help line)
config-bad-quick-exit-url = `quick_exit.url` must be an http(s) address of a neutral site, not `{ $url }`
config-suppress-below-zero = `statistics.suppress_below` must be at least 1: protection of small counts cannot be turned off
config-bad-keep = `publish.keep` lists `{ $keep }`: give paths inside the output folder, such as `.git` or `CNAME`

## src/config/read.rs
config-not-a-mapping = site.yaml must be a mapping of keys (`base_url: …`, `languages: […]`, …)
config-alias-and-key = `{ $alias }` ({ $whose }'s name) and `{ $key }` are the same key: keep one of them
config-is-a-list = `{ $key }` is a list, each entry on a line starting with `- `
config-taxonomies-is-a-list = `{ $key }` is a list, each entry on a line starting with `- `: `- {"{"} key: region, name: {"{"} es: Región, en: Region {"}"}, slug: {"{"} es: regiones, en: regions {"}"} {"}"}` (Hugo's `{"{"} tag: tags {"}"}` map becomes one entry per taxonomy)

## src/config/keys.rs: an unknown key of site.yaml, where it is ($level: top, section, entry of a list, menu-entry)
config-unknown-key = unknown field `{ $key }`{ $level ->
        [top] {""}
        [entry] {" "}in an entry of `{ $section }`
        [menu-entry] {" "}in a menu entry
       *[section] {" "}in `{ $section }`
    }
config-unknown-key-near = { config-unknown-key }: did you mean `{ $near }`?
config-unknown-key-lacks = { config-unknown-key }: site.yaml lacks { $lacks }; is this it?
config-unknown-key-hint = the keys here are { $keys }
# Keys of Hugo's and Zola's configuration, answered with faro's.
config-peer-language-code = { config-unknown-key }: Hugo's `languageCode` is faro's `languages` list (codes such as `es`, `en`, `qu`)
config-peer-default-content-language = { config-unknown-key }: faro's default language is the first one in `languages`
config-peer-default-language = { config-unknown-key }: faro's default language (Zola's `default_language`) is the first one in `languages`
config-peer-menu = { config-unknown-key }: faro's menus are under `menus`
config-peer-copyright = { config-unknown-key }: faro prints `organization` in the footer; there is no copyright line
config-peer-paginate = { config-unknown-key }: the number of pages per list page is `publish.page_size`
config-peer-robots = { config-unknown-key }: faro writes robots.txt at a host's root (under a subpath crawlers never read it, so it is left out); `publish.index: false` asks not to be indexed
config-peer-feeds = { config-unknown-key }: a section has a feed when its `_index.md` says `feed: true`
config-peer-feed-limit = { config-unknown-key }: the number of entries per feed is `publish.feed_size`
config-peer-search-index = { config-unknown-key }: faro always builds the search index
config-peer-permalinks = { config-unknown-key }: faro's URLs follow the folders of content/ and each page's `slug`
config-peer-translations = { config-unknown-key }: interface strings are in i18n/<lang>.yaml (see `faro theme strings <lang>`)
config-peer-author = { config-unknown-key }: faro names the publisher in `organization`
config-peer-page-ref = { config-unknown-key }: Hugo's `pageRef` is faro's `page`, a file under content/<lang>/
config-peer-weight = { config-unknown-key }: menu entries are shown in the order they are written
config-peer-identifier = { config-unknown-key }: faro's menus are one level: entries have no identifier
config-peer-parent = { config-unknown-key }: faro's menus are one level: entries have no parent

## src/config/menus.rs
config-menus-not-a-map = `menus` must be a map: `{"{"} es: [entries] {"}"}` or `{"{"} main: {"{"} es: [entries] {"}"} {"}"}`
config-menus-mixed = `menus` mixes its two forms: `{ $list }` holds a list (the main menu of language `{ $list }`) and `{ $name }` a map (a menu named `{ $name }`); under `menus`, a list is a language's main menu and a map is a named menu of languages
config-menus-mixed-hint-into-main = move `{ $list }: [...]` under `{ $main }:`: `menus: {"{"} { $main }: {"{"} { $list }: [...], ... {"}"} {"}"}`
config-menus-mixed-hint = write `menus: {"{"} { $main }: {"{"} { $list }: [...] {"}"}, { $name }: {"{"} ... {"}"} {"}"}`, moving each language's list under `{ $main }`
config-menu-not-a-list-or-map = `menus.{ $key }` must be a list of entries (the main menu of a language) or a map of languages to lists (a named menu)
config-menu-not-a-list = `menus.{ $name }.{ $lang }` must be a list of entries
config-main-menu-undeclared-language = `menus` has a menu for `{ $lang }`, which is not in `languages`
config-menu-undeclared-language = menu `{ $name }` has entries for `{ $lang }`, which is not in `languages`
config-menu-entry-undeclared-language = menu entry `{ $name }` leads into language `{ $lang }`, which is not in `languages`
config-menu-entry-page-or-url = menu entry `{ $name }` needs exactly one of `page` (a file under content/{ $lang }/) or `url`

## src/config/languages.rs
config-language-bad-name = language `{ $code }`: `name` must be a text to show, such as "Runasimi"
config-language-bad-locale = language `{ $code }`: `locale` must be a language and a region, such as `qu_PE` or `es_419`, not `{ $locale }`
config-language-bad-direction = language `{ $code }`: `direction` is `ltr` (left to right) or `rtl` (right to left), not `{ $direction }`
config-language-own-fallback = language `{ $code }` names itself as its `fallback`
config-language-unknown-fallback = language `{ $code }`: `fallback` must be another language of `languages` ({ $codes }), not `{ $fallback }`
config-language-fallback-loop = language `{ $code }`: its `fallback` chain comes back to it ({ $fallback } …)
