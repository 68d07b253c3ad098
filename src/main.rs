//! The `faro` command: parses flags, calls one library function per command, prints the
//! diagnostics it gets back and sets the exit code.

use clap::{Parser, Subcommand};
use faro::messages::Value;
use faro::{BuildOptions, SiteOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "faro", version, about = "Builds bilingual campaign and accountability sites from Markdown and YAML", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Say only what went wrong: no summary, no warnings, no progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Say more: which Chromium printed, where the PDF cache is, whether urls.txt was updated
    #[arg(short, long, global = true)]
    verbose: bool,
    /// The language of faro's messages (es, en); by default the terminal's (LANG)
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

/// The language of this run's messages, set once from `--lang` or the environment.
static LANG: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn lang() -> &'static str {
    LANG.get().map_or("en", String::as_str)
}

/// Message `id` of the catalogs (messages/<lang>/commands.ftl) in the terminal's language.
fn said(id: &str, args: &[(&str, Value)]) -> String {
    faro::messages::say(lang(), id, args).unwrap_or_default()
}

/// A value as text (a path, a URL), said as it is.
fn text(value: impl std::fmt::Display) -> Value<'static> {
    Value::from(value.to_string())
}

/// A count, which picks the plural form.
fn num(n: usize) -> Value<'static> {
    Value::from(n as i64)
}

/// How much the command says.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Say {
    Quiet,
    Normal,
    Verbose,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder of static files (default: public/)
    ///
    /// Reads site.yaml, content/<lang>/**/*.md, static/ and templates/, renders every
    /// page in every language, and replaces the output folder only when the whole
    /// build succeeded: on any error the previous output is left exactly as it was.
    Build {
        /// The site folder (the one holding site.yaml)
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// Where to write the site (default: <site>/public)
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Override base_url from site.yaml, e.g. https://example.org/campana/
        #[arg(short, long)]
        base_url: Option<String>,
        /// Also build pages marked `draft: true`
        #[arg(short = 'D', long)]
        drafts: bool,
        /// Do not print campaign kits to PDF, even when Chromium is installed
        #[arg(long)]
        no_pdf: bool,
        /// Add this build's URLs to urls.txt even though it is not the production build (its
        /// own output folder and base_url)
        #[arg(long)]
        record: bool,
    },
    /// Preview the site: build it, serve it on this computer, rebuild on every save
    ///
    /// Builds into memory (public/ is not touched), serves at http://127.0.0.1:1111/ (plus
    /// base_url's path), watches site.yaml, content/, data/, templates/, static/, themes/ and
    /// i18n/, and reloads open pages when what they show changes. When a save breaks the
    /// site, the errors appear here and over the page, and the last good site stays served.
    Serve {
        /// The site folder (the one holding site.yaml)
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// The port to listen on
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// Preview as if published at this address (its path is the preview's), e.g. https://example.org/campana/
        #[arg(short, long)]
        base_url: Option<String>,
        /// The address to listen on; anything but localhost shares the preview on the network
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the web browser
        #[arg(short = 'O', long)]
        open: bool,
        /// Also show pages marked `draft: true`
        #[arg(short = 'D', long)]
        drafts: bool,
    },
    /// Create a new site that builds as it is, ready to edit
    ///
    /// Writes site.yaml, a home page, a campaign page with a sample chart and a safety
    /// page in every language, a sample indicator, and a README that says where to write
    /// what. The folder must be new or empty.
    Init {
        /// The folder for the new site
        dir: PathBuf,
        /// The site's languages, the first one being the default
        #[arg(long, default_value = "es,en", value_delimiter = ',')]
        languages: Vec<String>,
    },
    /// Create a page in every language of the site, linked as translations
    ///
    /// PATH is relative to content/<language>/, for example `campanas/escuelas`.
    New {
        path: String,
        /// The page's title (default: made from the file name)
        #[arg(short, long)]
        title: Option<String>,
        /// The site folder (the one holding site.yaml)
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
    },
    /// Check the site before publishing, without writing it
    ///
    /// Builds in memory and reports broken internal links and anchors, images without alt
    /// text, external scripts, styles, fonts or frames (errors), and pages missing a
    /// translation or whose translation has fallen behind, pages no page links to,
    /// duplicate titles and unused indicators (warnings). Lists external links without
    /// fetching them. Exits with 1 when there are errors.
    Check {
        /// The site folder (the one holding site.yaml)
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// text (one line per finding) or json
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Copy the theme's strings or templates into the site, to translate or change them
    Theme {
        #[command(subcommand)]
        action: ThemeCommand,
    },
    /// Print a report to PDF with a headless Chromium
    ///
    /// Builds the site into a temporary folder and prints the report's full view (every
    /// chapter, one per page, A4). Needs Chromium (or Chrome) installed; set FARO_CHROMIUM
    /// to use one that is not on the PATH.
    Pdf {
        /// The report: its folder (content/es/informes/2025) or address (es/informes/2025)
        report: String,
        /// The site folder (the one holding site.yaml)
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// The PDF file to write (default: es-informes-2025.pdf)
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a shell's completion script for faro
    ///
    /// For example `faro completions bash > ~/.local/share/bash-completion/completions/faro`,
    /// or `faro completions zsh > ~/.zfunc/_faro`.
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum ThemeCommand {
    /// Write i18n/LANG.yaml: every interface string of the theme, to translate
    ///
    /// Each value is the text the language shows today (its fallback's, or the default
    /// language's, when the theme lacks the language). Never overwrites a file.
    Strings {
        /// The language, one of site.yaml's `languages`
        // Its own id: sharing `lang` with the global --lang made `fr` the terminal's language.
        #[arg(id = "strings_lang", value_name = "LANG")]
        lang: String,
        /// The site folder (the one holding site.yaml)
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// Print the file instead of writing it
        #[arg(long)]
        stdout: bool,
    },
    /// Copy the theme's templates (all, or those named) into templates/, and with none
    /// named, its strings into i18n/
    ///
    /// The site then builds to the same bytes, from its own copies. Never overwrites a
    /// file: when any exists, nothing is written.
    Eject {
        /// Templates to copy, such as `page.html` or `kit/poster.html` (default: all)
        templates: Vec<String>,
        /// The site folder (the one holding site.yaml)
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _ = LANG.set(faro::messages::terminal_language(cli.lang.as_deref()));
    let say = match (cli.quiet, cli.verbose) {
        (true, _) => Say::Quiet,
        (_, true) => Say::Verbose,
        _ => Say::Normal,
    };
    match cli.command {
        Command::Init { dir, languages } => {
            let languages: Vec<String> = languages.iter().map(|l| l.trim().to_string()).collect();
            let next = format!("cd {} && faro serve --open", dir.display());
            created(faro::init(&dir, &languages), &next, say, &dir)
        }
        Command::New { path, title, site } => {
            created(faro::new_page(&site, &path, title.as_deref()), "faro serve --open", say, &site)
        }
        Command::Serve { site, port, base_url, bind, open, drafts } => {
            let lang = lang().to_string();
            serve(&faro::ServeOptions { site_dir: site, bind, port, base_url, drafts, lang }, open)
        }
        Command::Completions { shell } => {
            let mut cli = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cli, "faro", &mut script);
            // Written here, not by clap_complete, which panics on a closed pipe (`| head`).
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
            ExitCode::SUCCESS
        }
        Command::Theme { action: ThemeCommand::Strings { lang, site, stdout } } => {
            match faro::theme_strings(&site, &lang, stdout) {
                Ok(faro::StringsFile::Text(text)) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Ok(faro::StringsFile::Written(path)) => {
                    created(Ok(vec![path]), &said("cmd-next-translate", &[]), say, &site)
                }
                Err(diags) => failed(&diags, &site),
            }
        }
        Command::Theme { action: ThemeCommand::Eject { templates, site } } => {
            let next = said("cmd-next-edit-copies", &[]);
            created(faro::theme_eject(&site, &templates), &next, say, &site)
        }
        Command::Check { site, format } => {
            check(faro::check(&faro::CheckOptions { site_dir: site.clone() }), &format, &site)
        }
        Command::Pdf { report, site, output } => {
            match faro::pdf(&faro::PdfOptions { site_dir: site.clone(), report, output }) {
                Ok(path) => {
                    println!("{}", said("cmd-wrote", &[("path", text(path.display()))]));
                    ExitCode::SUCCESS
                }
                Err(diags) => failed(&diags, &site),
            }
        }
        Command::Build { site, output, base_url, drafts, no_pdf, record } => build(
            &BuildOptions {
                site_dir: site,
                output_dir: output,
                site: SiteOptions { base_url, drafts, ..SiteOptions::default() },
                pdf: !no_pdf,
                record,
                progress: say > Say::Quiet,
            },
            say,
        ),
    }
}

/// Prints every diagnostic; the command failed.
fn failed(diags: &[faro::Diagnostic], root: &Path) -> ExitCode {
    for d in diags {
        eprintln!("{}", shown(d, root));
    }
    ExitCode::FAILURE
}

/// A diagnostic for stderr: its line, the source line under it with a caret, its hint; in
/// colour on a terminal (never with NO_COLOR). `root` is where its path is read from.
fn shown(d: &faro::Diagnostic, root: &Path) -> String {
    use std::io::IsTerminal;
    shown_on(d, root, std::io::stderr().is_terminal())
}

/// `shown`, for a stream that `is_terminal` or not (stdout: `faro check`'s report).
fn shown_on(d: &faro::Diagnostic, root: &Path, is_terminal: bool) -> String {
    faro::render_diagnostic(d, root, faro::use_color(is_terminal), lang())
}

fn serve(opts: &faro::ServeOptions, open: bool) -> ExitCode {
    let report = |event: faro::ServeEvent| match event {
        faro::ServeEvent::Serving { url } => {
            println!("{}", said("cmd-serving", &[("url", text(url))]));
            if open {
                open_browser(url);
            }
        }
        faro::ServeEvent::Built(update) => {
            for w in &update.warnings {
                eprintln!("{}", shown(w, &opts.site_dir));
            }
            let files = update.changed.len() + update.removed.len();
            let id = if update.full { "cmd-rebuilt" } else { "cmd-updated" };
            let ms = text(update.elapsed.as_millis());
            println!("{}", said(id, &[("files", num(files)), ("rendered", num(update.rendered)), ("ms", ms)]));
        }
        faro::ServeEvent::Failed(diags) => {
            for d in diags {
                eprintln!("{}", shown(d, &opts.site_dir));
            }
            eprintln!("{}", said("cmd-rebuild-failed", &[]));
        }
        faro::ServeEvent::Stopped => println!("{}", said("cmd-stopped", &[])),
    };
    match faro::serve(opts, &report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn check(result: Result<faro::CheckReport, Vec<faro::Diagnostic>>, format: &str, root: &Path) -> ExitCode {
    let report = match result {
        Ok(report) => report,
        Err(diags) => return failed(&diags, root),
    };
    if format == "json" {
        print!("{}", faro::check_json(&report));
    } else {
        for d in &report.diagnostics {
            println!("{}", shown_on(d, root, std::io::IsTerminal::is_terminal(&std::io::stdout())));
        }
        if !report.missing_translations.is_empty() {
            println!("\n{}", said("cmd-check-missing-translations", &[]));
            println!("{}", said("cmd-check-missing-columns", &[]));
            for (lang, pages) in &report.missing_translations {
                println!("{:<8} {}", lang, pages.join(", "));
            }
        }
        if !report.external_links.is_empty() {
            println!("\n{}", said("cmd-check-external-links", &[]));
            for link in &report.external_links {
                println!("  {link}");
            }
        }
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        println!("\n{}", said("cmd-check-summary", &[("errors", num(errors)), ("warnings", num(warnings))]));
    }
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn build(opts: &BuildOptions, say: Say) -> ExitCode {
    match faro::build(opts) {
        Ok(report) if say == Say::Quiet => {
            // Frozen editions must be committed: said even when quiet.
            for file in &report.frozen {
                println!("{}", said("cmd-froze", &[("file", text(file.display()))]));
            }
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("{}", shown(w, &opts.site_dir));
            }
            for note in &report.notes {
                println!("note: {note}");
            }
            for file in &report.frozen {
                println!("{}", said("cmd-froze", &[("file", text(file.display()))]));
            }
            match &report.pdfs {
                faro::Pdfs::None => {}
                faro::Pdfs::NotAsked => println!("{}", said("cmd-pdfs-not-asked", &[])),
                faro::Pdfs::NoChromium => println!("{}", said("cmd-pdfs-no-chromium", &[])),
                faro::Pdfs::Made { printed, reused, chromium } => {
                    let mut args =
                        vec![("total", num(printed + reused)), ("printed", num(*printed)), ("reused", num(*reused))];
                    let id = if say == Say::Verbose {
                        args.push(("chromium", text(chromium.display())));
                        "cmd-pdfs-made-with"
                    } else {
                        "cmd-pdfs-made"
                    };
                    println!("{}", said(id, &args));
                }
            }
            {
                let (made, reused) = report.images;
                if made + reused > 0 {
                    let args = [("total", num(made + reused)), ("made", num(made)), ("reused", num(reused))];
                    println!("{}", said("cmd-images-made", &args));
                }
            }
            if say == Say::Verbose {
                let record = if opts.site.drafts {
                    said("cmd-urls-drafts", &[])
                } else if opts.records_urls() {
                    said("cmd-urls-updated", &[])
                } else {
                    said("cmd-urls-checked", &[])
                };
                println!("{record}");
            }
            let total: usize = report.pages_per_language.iter().map(|(_, n)| n).sum();
            let per_lang: Vec<String> = report.pages_per_language.iter().map(|(l, n)| format!("{l} {n}")).collect();
            let args = [
                ("pages", num(total)),
                ("languages", text(per_lang.join(", "))),
                ("files", num(report.files_written)),
                ("seconds", text(format!("{:.2}", report.elapsed.as_secs_f64()))),
                ("output", text(report.output.display())),
            ];
            println!("{}", said("cmd-built", &args));
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for d in &failure.0 {
                eprintln!("{}", shown(d, &opts.site_dir));
            }
            let errors = failure.0.iter().filter(|d| d.is_error()).count();
            let previous = match failure.1 {
                faro::Previous::Kept => "previous-kept",
                faro::Previous::Replaced => "previous-replaced",
                faro::Previous::Moved => "previous-moved",
            };
            let previous = said(previous, &[]);
            eprintln!("{}", said("build-failed", &[("errors", num(errors)), ("previous", text(previous))]));
            ExitCode::FAILURE
        }
    }
}

/// Lists the files `init` or `new` wrote, or their errors.
fn created(result: Result<Vec<PathBuf>, Vec<faro::Diagnostic>>, next: &str, say: Say, root: &Path) -> ExitCode {
    match result {
        Ok(_) if say == Say::Quiet => ExitCode::SUCCESS,
        Ok(files) => {
            for file in &files {
                println!("{}", said("cmd-created", &[("file", text(file.display()))]));
            }
            println!("{}", said("cmd-next", &[("next", text(next))]));
            ExitCode::SUCCESS
        }
        Err(diags) => failed(&diags, root),
    }
}

/// Opens `url` with $BROWSER or the desktop's opener; if that fails, the user opens it by hand.
fn open_browser(url: &str) {
    let opener = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty()).unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".into()
        } else if cfg!(windows) {
            "explorer".into()
        } else {
            "xdg-open".into()
        }
    });
    let url = url.to_string();
    let child = std::process::Command::new(&opener)
        .arg(&url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    // The opener may fail after starting (no browser configured): wait for it aside.
    std::thread::spawn(move || {
        let opened = child.and_then(|mut c| c.wait()).is_ok_and(|s| s.success());
        if !opened {
            eprintln!("{}", said("cmd-no-browser", &[("opener", text(&opener)), ("url", text(&url))]));
        }
    });
}
