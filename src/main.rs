//! `scaffold`: writes correct, idiomatic Next.js 15 code for mutations.

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{CommandFactory, Parser};

use scaffold::ask::Prompter;
use scaffold::ask::{self, Gathered, GatheredRoute, Mode};
use scaffold::cli::{
    ActionArgs, AuditArgs, AuditFormat, Cli, Command, Migrate, New, RouteArgs, RouteToActionArgs,
};
use scaffold::format::{self, Origin};
use scaffold::plan::{self, Options, Plan};
use scaffold::project::Project;
use scaffold::spec::Caller;
use scaffold::{generate, migrate, syntax};

fn main() -> ExitCode {
    // A bug must not look like a crash dump: one line, and where to report it.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: internal error in scaffold ({info}); please report this with the command you ran"
        );
    }));
    let cli = Cli::parse(); // usage errors exit with 2
    match run(cli) {
        Ok(code) => code,
        // `scaffold … | head` closing the pipe early is not an error.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let mut chain = err.chain();
            eprintln!(
                "error: {}",
                chain.next().map(ToString::to_string).unwrap_or_default()
            );
            for cause in chain {
                eprintln!("  {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(mut cli: Cli) -> Result<ExitCode> {
    let command = std::mem::replace(
        &mut cli.command,
        Command::Completions {
            shell: clap_complete::Shell::Bash,
        },
    );
    let mut terminal = ask::Terminal;
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "scaffold",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::New(New::Action(args)) => new_action(args, &cli, &mut terminal),
        Command::New(New::Route(args)) => new_route(args, &cli, &mut terminal),
        Command::Migrate(Migrate::RouteToAction(args)) => route_to_action(args, &cli),
        Command::Audit(args) => audit(args, &cli),
    }
}

fn new_action(args: ActionArgs, cli: &Cli, terminal: &mut ask::Terminal) -> Result<ExitCode> {
    let project = discover(cli)?;
    let interactive = matches!(mode(cli, terminal), Mode::Ask(_));
    match ask::gather_action(args, &project, mode(cli, terminal))? {
        Gathered::Action(spec) => {
            let mut plan = {
                let _layout = generator_layout(&project);
                generate::action::plan(&spec, &project)?
            };
            format_plan(&project, &mut plan, Origin::Generated, cli);
            check_syntax(&plan, "the formatted")?;
            if interactive && !confirmed(&project, &plan, cli, terminal)? {
                return Ok(ExitCode::SUCCESS);
            }
            finish("new action", &project, plan, cli)
        }
        Gathered::UseRoute {
            caller,
            why,
            command,
            path,
        } => {
            advise(cli, "new action", "use-route", &why, &command)?;
            // Interactive: go on with the route's questions instead of making the user retype.
            if interactive && terminal.confirm("Answer the route's questions now?", true)? {
                let args = RouteArgs {
                    path,
                    caller: Some(caller),
                    ..RouteArgs::default()
                };
                return new_route(args, cli, terminal);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn new_route(args: RouteArgs, cli: &Cli, terminal: &mut ask::Terminal) -> Result<ExitCode> {
    let project = discover(cli)?;
    let interactive = matches!(mode(cli, terminal), Mode::Ask(_));
    match ask::gather_route(args, mode(cli, terminal))? {
        GatheredRoute::Route(spec) => {
            let mut plan = {
                let _layout = generator_layout(&project);
                generate::route::plan(&spec, &project)?
            };
            format_plan(&project, &mut plan, Origin::Generated, cli);
            check_syntax(&plan, "the formatted")?;
            if interactive && !confirmed(&project, &plan, cli, terminal)? {
                return Ok(ExitCode::SUCCESS);
            }
            finish("new route", &project, plan, cli)
        }
        GatheredRoute::UseAction {
            why,
            command,
            segment,
        } => {
            advise(cli, "new route", "use-action", &why, &command)?;
            if interactive && terminal.confirm("Answer the action's questions now?", true)? {
                let args = ActionArgs {
                    segment,
                    caller: Some(Caller::ThisApp),
                    ..ActionArgs::default()
                };
                return new_action(args, cli, terminal);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn route_to_action(args: RouteToActionArgs, cli: &Cli) -> Result<ExitCode> {
    let project = discover(cli)?;
    let cwd = cli.cwd.clone().unwrap_or_else(|| PathBuf::from("."));
    let route = migrate::resolve_route(&project, &cwd, &args.route)?;
    let to = match &args.to {
        None => None,
        Some(to) => Some(inside_project(&project, &cwd, to)?),
    };
    let layout = format::layout_settings(&project.root, &route);
    let request = migrate::Request {
        route,
        to,
        keep_route: args.keep_route,
        force: cli.force,
        layout,
    };
    let watchdog = migrate::watchdog::Watchdog::start();
    let mut migration = migrate::plan(&request, &project)?;
    watchdog.disarm(); // nothing is written while it is armed
    if migration.verdict == migrate::Verdict::Refused {
        if cli.json {
            migrate::print_json(&migration, &[], cli.dry_run)?;
        } else {
            migrate::print_human(&migration, &[], cli.dry_run)?;
        }
        return Ok(ExitCode::FAILURE);
    }
    // Every file must re-parse before anything is written.
    check_syntax(&migration.plan, "the migrated")?;
    format_plan(&project, &mut migration.plan, Origin::Codemod, cli);
    check_syntax(&migration.plan, "the formatted")?;
    let options = Options {
        force: cli.force,
        dry_run: cli.dry_run,
    };
    let outcomes = plan::apply(&project.root, &migration.plan, options)?;
    if cli.json {
        migrate::print_json(&migration, &outcomes, cli.dry_run)?;
    } else {
        migrate::print_human(&migration, &outcomes, cli.dry_run)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A path the user gave (relative to the working directory) as a root-relative path; it
/// may not exist yet.
fn inside_project(project: &Project, cwd: &Path, path: &Path) -> Result<PathBuf> {
    let outside = || {
        anyhow::anyhow!(
            "{} is outside the project ({})",
            path.display(),
            project.root.display()
        )
    };
    let joined = cwd.join(path);
    let mut base = joined.as_path();
    let mut missing = Vec::new();
    while !base.exists() {
        let name = base.file_name().ok_or_else(outside)?;
        missing.push(name.to_os_string());
        base = base.parent().ok_or_else(outside)?;
    }
    let mut full = base.canonicalize()?;
    for part in missing.iter().rev() {
        full.push(part);
    }
    let root = project.root.canonicalize()?;
    let rel = full.strip_prefix(&root).map_err(|_| outside())?;
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(outside());
    }
    Ok(rel.to_path_buf())
}

/// `scaffold audit`: exit 0 when nothing reaches `--fail-on`, 1 when something does.
fn audit(args: AuditArgs, cli: &Cli) -> Result<ExitCode> {
    let cwd = cli.cwd.clone().unwrap_or_else(|| PathBuf::from("."));
    let start = match args.paths.first().map(|p| cwd.join(p)) {
        Some(p) if p.is_dir() => p,
        Some(p) if p.is_file() => p.parent().map(Path::to_path_buf).unwrap_or(cwd.clone()),
        Some(p) => bail!("no such file or folder: {}", p.display()),
        None => cwd.clone(),
    };
    let project = Project::discover_to_read(&start)?;
    let root = project.root.clone();
    let mut only = Vec::new();
    for path in &args.paths {
        let full = cwd.join(path).canonicalize()?;
        let Ok(rel) = full.strip_prefix(&root) else {
            bail!(
                "{} is outside the project ({})",
                path.display(),
                root.display()
            );
        };
        only.push(rel.to_path_buf());
    }
    let watchdog = migrate::watchdog::Watchdog::start();
    let report = scaffold::audit::run(&project, &scaffold::audit::Options { only })?;
    watchdog.disarm();
    let format = if cli.json {
        AuditFormat::Json
    } else {
        args.format
    };
    let mut out = std::io::stdout().lock();
    match format {
        AuditFormat::Human => scaffold::audit::report::human(&report, &mut out)?,
        AuditFormat::Json => scaffold::audit::report::json(&report, &mut out)?,
        AuditFormat::Sarif => scaffold::audit::report::sarif(&report, &mut out)?,
    }
    Ok(if report.fails(args.fail_on) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn discover(cli: &Cli) -> Result<Project> {
    let start = cli.cwd.clone().unwrap_or_else(|| PathBuf::from("."));
    let project = Project::discover(&start)?;
    for warning in &project.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(project)
}

/// Prompts only on a terminal; `--yes` takes defaults; otherwise missing answers are errors.
fn mode<'a>(cli: &Cli, terminal: &'a mut ask::Terminal) -> Mode<'a> {
    if cli.yes {
        Mode::Defaults
    } else if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() && !cli.json {
        Mode::Ask(terminal)
    } else {
        Mode::Refuse
    }
}

/// The other shape fits better: say why and print the command that writes it.
fn advise(cli: &Cli, command: &str, verdict: &str, why: &str, suggested: &str) -> Result<ExitCode> {
    if cli.json {
        let value = serde_json::json!({
            "command": command,
            "verdict": verdict,
            "why": why,
            "suggested_command": suggested,
            "files": [],
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!("{why}\n\nInstead:\n  {suggested}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Line breaks are decided for the project's style while the generators run.
fn generator_layout(project: &Project) -> scaffold::layout::Scoped {
    let file = project.app_dir.join("page.tsx");
    scaffold::layout::Scoped::set(format::generator_settings(&project.root, &file))
}

/// The project's formatting, applied to the planned text before it is shown or written.
fn format_plan(project: &Project, plan: &mut Plan, origin: Origin, cli: &Cli) {
    format::format_plan(&project.root, plan, origin, !cli.no_format);
}

/// Every file a plan writes must parse, or nothing is written.
fn check_syntax(plan: &Plan, what: &str) -> Result<()> {
    for op in &plan.ops {
        if let plan::Change::Write(contents) | plan::Change::Merge(contents) = &op.change
            && let Err(why) = syntax::check(&op.path, contents)
        {
            bail!(
                "internal error: {what} {} does not parse ({why}); nothing was written",
                op.path.display()
            );
        }
    }
    Ok(())
}

/// After the questions: what will be written, and whether to go on. A dry run
/// writes nothing, so it needs no confirmation.
fn confirmed(
    project: &Project,
    plan: &Plan,
    cli: &Cli,
    terminal: &mut ask::Terminal,
) -> Result<bool> {
    if cli.dry_run {
        return Ok(true);
    }
    let options = Options {
        force: cli.force,
        dry_run: true,
    };
    let outcomes = plan::check(&project.root, plan, options)?;
    plan::print_summary(plan, &outcomes)?;
    if terminal.confirm("Write these files?", true)? {
        return Ok(true);
    }
    eprintln!("Nothing was written.");
    Ok(false)
}

/// Checks, applies and reports a plan: the same path for every command.
/// The generators have already checked every file (`generate::check_names`).
fn finish(command: &str, project: &Project, plan: Plan, cli: &Cli) -> Result<ExitCode> {
    let options = Options {
        force: cli.force,
        dry_run: cli.dry_run,
    };
    let outcomes = plan::apply(&project.root, &plan, options)?;
    if cli.json {
        plan::print_json(command, &plan, &outcomes, cli.dry_run)?;
    } else {
        plan::print_human(&plan, &outcomes, cli.dry_run)?;
    }
    let conflicts = outcomes
        .iter()
        .filter(|o| o.status == plan::Status::Conflict)
        .count();
    if cli.dry_run && conflicts > 0 {
        eprintln!(
            "error: {conflicts} file(s) exist with other contents; a real run would refuse without --force"
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
