## The commands part of faro.

## src/main.rs: what the commands print.
cmd-wrote = Wrote { $path }
cmd-created = Created { $file }
cmd-next = Next: { $next }
cmd-next-translate = translate it, then faro serve --open
cmd-next-edit-copies = edit the copies; the site's own files are used first
cmd-serving = Serving at { $url } (Ctrl-C to stop)
cmd-rebuilt = Rebuilt: { $files } { $files ->
        [one] file
       *[other] files
    } changed ({ $rendered } rendered) in { $ms } ms
cmd-updated = Updated: { $files } { $files ->
        [one] file
       *[other] files
    } changed ({ $rendered } rendered) in { $ms } ms
cmd-rebuild-failed = Rebuild failed; still serving the last good version.
cmd-stopped = Stopped.
cmd-no-browser = Could not open a browser ({ $opener }); open { $url } by hand.
cmd-check-missing-translations = Pages without a translation:
# The column heads over "es       campanas/x.md": the first is 8 characters wide.
cmd-check-missing-columns = language pages (source files)
cmd-check-external-links = External links (listed, not fetched):
cmd-check-summary = faro check: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
cmd-froze = Froze the values of a final report in { $file } (commit this file)
cmd-images-made = Images: { $total } ({ $made } made, { $reused } from the cache)
cmd-pdfs-not-asked = Kit PDFs: skipped (--no-pdf)
cmd-pdfs-no-chromium = Kit PDFs: skipped, no Chromium or Chrome was found, so the kits have their HTML documents only; install one (apt-get install chromium) or name it with FARO_CHROMIUM=/path
cmd-pdfs-made = Kit PDFs: { $total } ({ $printed } printed, { $reused } from the cache)
cmd-pdfs-made-with = Kit PDFs: { $total } ({ $printed } printed with { $chromium }, { $reused } from the cache)
cmd-urls-drafts = urls.txt: neither checked nor updated (--drafts)
cmd-urls-updated = urls.txt: updated with this build's addresses (the production build)
cmd-urls-checked = urls.txt: checked, not updated (not the production build: --record updates it)
cmd-built = Built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $languages }), { $files ->
        [one] 1 file
       *[other] { $files } files
    } in { $seconds } s into { $output }

## src/commands/check.rs: faro check's findings.
cmd-check-external-resource = the page loads `{ $value }` from another site (a <{ $tag }>)
cmd-check-external-resource-hint = readers at risk must not be exposed to third parties: copy the file into static/
cmd-check-link-leaves-base = the link `{ $link }` leaves the site's base path { $base }
cmd-check-link-no-slash = the link `{ $link }` leads to a folder without its final slash
cmd-check-link-no-slash-hint = write `{ $slashed }`: hosts redirect it, a request more and not everywhere
cmd-check-link-unpublished-hint = from the published page it leads to { $target }, which is not published either
cmd-check-link-to-nothing = the link `{ $link }` leads to nothing
cmd-check-relative-link-to-nothing = the link `{ $link }` leads to nothing (to { $target } from this page)
cmd-check-broken-anchor = the link `{ $link }` points to `#{ $id }`, which is not on that page
cmd-check-image-no-alt = an image has no alt text: `{ $tag }`
cmd-check-text-lang = this page's text is still in `{ $text }` (`text_lang`), not in `{ $lang }`
cmd-check-text-lang-hint = translate it, then delete `text_lang`; until then readers see a note and the text is marked as written
cmd-check-missing-translation = this page has no translation in `{ $lang }`
cmd-check-missing-translation-hint = readers of `{ $lang }` who switch language land on that language's home page
cmd-check-stale-translation = content/{ $source } was updated on { $updated }, after this translation ({ $translated })
cmd-check-stale-translation-hint = update the translation, then set its `updated` date
cmd-check-translation-undated = content/{ $source } has an `updated` date and this translation has none
cmd-check-duplicate-title = another page in `{ $lang }` has the same title: { $other }
cmd-check-orphan = no other page links to this page
cmd-check-orphan-hint = link it from a section, a menu or another page
cmd-check-unused-indicator = no page charts this indicator, no goal measures it and no campaign cites it
cmd-check-unused-indicator-hint = it is still published on the indicators index; chart it with {"{{< chart id >}}"} where it helps

## src/commands/check/placeholders.rs: what faro init left to replace.
cmd-check-example-base-url = `base_url` is still { $base_url }, at the example host { $host }
cmd-check-example-base-url-hint = set it to the site's real address: links in feeds, the sitemap, share cards and QR codes use it
cmd-check-sample-organization = `organization` ({ $lang }) is still the sample "{ $name }"
cmd-check-sample-organization-hint = write your organisation's name: it is printed on every poster, flyer and report cover
cmd-check-sample-report-organization = the report's organization is still the sample "{ $name }"
cmd-check-sample-report-organization-hint = write the name of the organisation that reports
cmd-check-draft-report = the { $year } report is still a draft
cmd-check-draft-report-hint = it is published marked as a draft; write `status: final` when it is approved, which freezes its figures
cmd-check-illustrative = this indicator's figures are illustrative (`illustrative: true`), not data
cmd-check-illustrative-in-final = this indicator's figures are illustrative (`illustrative: true`), and the final { $years } report shows them
cmd-check-illustrative-hint = replace them with published figures and their source, then delete `illustrative`; or delete the indicator
cmd-check-not-committed = { $file } is not committed
cmd-check-changes-not-committed = { $file } has changes not committed
cmd-check-uncommitted-hint = commit it: the publishing workflow builds from what is committed, and stops when its build changes it

## src/commands/scaffold.rs: faro init and faro new.
cmd-no-site = there is no site.yaml in { $dir }, so it is not a faro site
cmd-no-site-hint = run the command in the site's folder, or name that folder with --site DIR
cmd-cannot-create-folder = cannot create the folder: { $error }
cmd-cannot-write = cannot write: { $error }
cmd-init-no-folder = no folder was named for the new site
cmd-init-no-folder-hint = name a new folder, for example `faro init mi-campana`
cmd-init-folder-not-empty = this folder is not empty; faro init only writes into a new or empty folder
cmd-init-not-a-folder = this exists and is not a folder; faro init only writes into a new or empty folder
cmd-init-folder-not-empty-hint = name a folder that does not exist yet, for example `faro init mi-campana`, and faro creates it
cmd-init-no-language = a site needs at least one language
cmd-init-no-language-hint = list the language codes, the main one first: --languages es,en
cmd-init-not-a-language-code = `{ $lang }` is not a language code
cmd-init-not-a-language-code-hint = use BCP 47 codes such as `es`, `en`, `qu` or `pt-BR`, separated by commas
cmd-init-language-twice = language `{ $lang }` is listed twice
cmd-new-empty-title = the title is empty
cmd-new-empty-title-hint = give the page a title, or leave out --title to use the file name
cmd-new-page-exists = this page already exists; faro new wrote no file
cmd-new-page-exists-hint = choose another name, or open this file to edit the page
cmd-new-address-taken = { $index } already has this page's address; faro new wrote no file
cmd-new-address-taken-hint = to add a page inside that folder, name it `{ $folder }/NAME`
cmd-new-path-hint = give the page's path inside each language's folder, such as `campanas/escuelas`; faro writes it to content/<language>/campanas/escuelas.md
cmd-new-path-empty = the page's path is empty
cmd-new-path-absolute = the path must be relative to the language folder, not absolute
cmd-new-path-folder = the path names a folder; end it with the page's file name
cmd-new-path-outside = the path leads outside the language folders of content/
cmd-new-path-language = the path starts with the language `{ $lang }`; faro new writes the page in every language
cmd-new-path-parent = the path may not contain `..`: the page must stay inside content/
cmd-new-path-hidden = `{ $part }` starts with a dot, and the build skips such files and folders
cmd-new-path-control = the path contains a control character
cmd-new-path-no-letters = `{ $part }` has no letters or digits, so it gives the page no address

## src/commands/theme.rs: faro theme strings and faro theme eject.
cmd-theme-not-a-site-language = `{ $lang }` is not a language of this site ({ $languages })
cmd-theme-not-a-site-language-hint = add `{ $lang }` to `languages` in site.yaml first
cmd-theme-strings-exists = this file exists already; faro theme strings wrote nothing
cmd-theme-strings-exists-hint = translate the strings in that file, or see every string with `faro theme strings { $lang } --stdout`
cmd-theme-eject-exists = this file exists already; faro theme eject wrote nothing
cmd-theme-eject-exists-hint = delete or rename this file to take the theme's version instead, then run the command again; the site has its own copy of every template of the theme already
cmd-theme-eject-exists-hint-lacking = delete or rename this file to take the theme's version instead, then run the command again; or eject only what the site lacks: `faro theme eject { $templates }`
cmd-theme-eject-exists-hint-lacking-many = delete or rename this file to take the theme's version instead, then run the command again; or name templates the site lacks, such as `faro theme eject { $first }` (it lacks { $count }: { $templates })
cmd-theme-unknown-template = the theme has no template of this name
cmd-theme-unknown-template-hint = the theme's templates: { $templates }

## src/commands/pdf.rs: faro pdf.
cmd-pdf-no-chromium = making a PDF needs a headless Chromium, and none was found
cmd-pdf-no-chromium-hint = install it (Debian or Ubuntu: `apt-get install chromium`; macOS: install Google Chrome), or set FARO_CHROMIUM=/path/to/chromium; printing the full-report page from any browser also works
cmd-pdf-print-failed = Chromium could not print the report: { $error }
cmd-pdf-unknown-report = no report here has that folder or address
cmd-pdf-unknown-report-hint = reports of this site: { $reports }
cmd-pdf-no-reports-hint = reports of this site: none

## src/commands/serve/mod.rs: what stops faro serve from starting.
cmd-serve-cannot-open = cannot open the site folder { $dir }: { $error }
cmd-serve-cannot-listen = cannot listen on { $bind }:{ $port }: { $error } (is another faro serve running? try --port)

## src/commands/build.rs: faro build.
cmd-build-cannot-update-record = cannot update the URL record: { $error }
cmd-build-cannot-freeze = cannot write the frozen edition: { $error }
