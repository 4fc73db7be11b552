//! Finds and describes the Next.js project. Computed once per run and passed down; nothing
//! else reads package.json or tsconfig.json.

pub mod gitignore;
pub(crate) mod json;
pub mod next_config;
pub mod shadcn;
pub mod stripe;
mod tsconfig;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use nodejs_semver::{Range, Version};
use serde_json::Value;

use crate::spec::Ui;

pub use tsconfig::Alias;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackageManager {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

impl PackageManager {
    pub fn add_command(self, packages: &[&str]) -> String {
        let verb = match self {
            PackageManager::Npm => "npm install",
            PackageManager::Pnpm => "pnpm add",
            PackageManager::Yarn => "yarn add",
            PackageManager::Bun => "bun add",
        };
        format!("{verb} {}", packages.join(" "))
    }
}

/// The auth library the project uses, which decides how actions read the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthLib {
    NextAuth,
    Clerk,
    Supabase,
    None,
}

impl fmt::Display for AuthLib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuthLib::NextAuth => "next-auth",
            AuthLib::Clerk => "clerk",
            AuthLib::Supabase => "supabase",
            AuthLib::None => "none",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataLayer {
    Prisma,
    Drizzle,
    None,
}

/// What the generators need to know about the project.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    /// `app` or `src/app`, relative to the root.
    pub app_dir: PathBuf,
    /// `src` when the project keeps its code in src/, else empty.
    pub src_dir: PathBuf,
    pub alias: Option<Alias>,
    pub next: Option<Version>,
    pub react: Option<Version>,
    /// Major version of zod (3 or 4); `None` when zod is not a dependency yet.
    pub zod: Option<u64>,
    pub auth: AuthLib,
    pub data: DataLayer,
    pub package_manager: PackageManager,
    /// Things the user should know (old versions, missing packages).
    pub warnings: Vec<String>,
    /// Every package named in package.json's dependency sections.
    pub dependencies: std::collections::BTreeSet<String>,
    /// Whether pages and routes are built with Next 16's Cache Components
    /// (`cacheComponents: true`), which changes what they may export and read.
    pub cache_components: bool,
    /// The file that runs before every request: `proxy.ts` (Next 16) or `middleware.ts`.
    pub request_hook: Option<PathBuf>,
    /// How the project styles its UI, and so how generated forms are styled.
    pub ui: Ui,
    /// Where shadcn/ui's components are (or would be), and which the project has.
    pub shadcn: shadcn::Shadcn,
}

impl Project {
    /// Walks up from `start` to the first package.json that depends on `next`.
    pub fn discover(start: &Path) -> Result<Project> {
        Project::find(start, true)
    }

    /// [`Project::discover`] for commands that only read the project (`audit`): a
    /// JavaScript project without tsconfig.json is fine.
    pub fn discover_to_read(start: &Path) -> Result<Project> {
        Project::find(start, false)
    }

    fn find(start: &Path, writing: bool) -> Result<Project> {
        let start = start
            .canonicalize()
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", start.display()))?;
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            let manifest = d.join("package.json");
            if manifest.is_file() {
                let pkg = json::read(&manifest)?;
                if dependency(&pkg, "next").is_some() {
                    return Project::load(d, &pkg, writing);
                }
            }
            dir = d.parent();
        }
        bail!(
            "no Next.js project found: searched {} and its parents for a package.json that depends on `next`",
            start.display()
        )
    }

    fn load(root: &Path, pkg: &Value, writing: bool) -> Result<Project> {
        let mut warnings = Vec::new();
        let typescript = root.join("tsconfig.json").is_file();
        if writing && !typescript {
            bail!(
                "{} has no tsconfig.json: scaffold writes TypeScript only for now (add one with `npx tsc --init` or `next dev`)",
                root.display()
            );
        }
        let alias = if typescript {
            tsconfig::alias(root)?
        } else {
            None
        };
        let (app_dir, src_dir) = if root.join("src/app").is_dir() {
            (PathBuf::from("src/app"), PathBuf::from("src"))
        } else if root.join("app").is_dir() || !root.join("src").is_dir() {
            (PathBuf::from("app"), PathBuf::new())
        } else {
            (PathBuf::from("src/app"), PathBuf::from("src"))
        };

        let next = version(root, pkg, "next");
        let react = version(root, pkg, "react");
        let zod = version(root, pkg, "zod").map(|v| v.major());
        if let Some(v) = next.as_ref().filter(|v| v.major() < 15) {
            warnings.push(format!("next {v} is older than 15: the generated code uses Next 15 APIs (async params, cookies())"));
        }
        if let Some(v) = next.as_ref().filter(|v| v.major() > LATEST_NEXT_MAJOR) {
            warnings.push(format!(
                "next {v} is newer than scaffold knows (15 and 16): the generated code follows Next 16; check it with `next build`"
            ));
        }
        let config = next_config::read(root);
        let cache_components = cache_components(&config, next.as_ref(), &mut warnings);
        let request_hook = ["proxy", "middleware"].iter().find_map(|name| {
            ["ts", "js"].iter().find_map(|ext| {
                let file = src_dir.join(format!("{name}.{ext}"));
                root.join(&file).is_file().then_some(file)
            })
        });
        if let Some(v) = react.as_ref().filter(|v| v.major() < 19) {
            warnings.push(format!(
                "react {v} is older than 19: useActionState and useOptimistic need React 19"
            ));
        }

        let auth = if dependency(pkg, "next-auth").is_some() {
            AuthLib::NextAuth
        } else if dependency(pkg, "@clerk/nextjs").is_some() {
            AuthLib::Clerk
        } else if dependency(pkg, "@supabase/ssr").is_some() {
            AuthLib::Supabase
        } else {
            AuthLib::None
        };
        let data =
            if dependency(pkg, "@prisma/client").is_some() || dependency(pkg, "prisma").is_some() {
                DataLayer::Prisma
            } else if dependency(pkg, "drizzle-orm").is_some() {
                DataLayer::Drizzle
            } else {
                DataLayer::None
            };
        // Tailwind v3 and v4 are both the `tailwindcss` package (v4 through
        // @tailwindcss/postcss or the Vite plugin, which depend on it and are
        // installed with it by create-next-app).
        let shadcn = shadcn::detect(root, alias.as_ref(), &src_dir, &mut warnings);
        let ui = if shadcn.configured {
            Ui::Shadcn
        } else if dependency(pkg, "tailwindcss").is_some() {
            Ui::Tailwind
        } else {
            Ui::Plain
        };
        let package_manager = if root.join("pnpm-lock.yaml").is_file() {
            PackageManager::Pnpm
        } else if root.join("yarn.lock").is_file() {
            PackageManager::Yarn
        } else if root.join("bun.lockb").is_file() || root.join("bun.lock").is_file() {
            PackageManager::Bun
        } else {
            PackageManager::Npm
        };

        let dependencies = ["dependencies", "devDependencies", "peerDependencies"]
            .iter()
            .filter_map(|section| pkg.get(section)?.as_object())
            .flat_map(|deps| deps.keys().cloned())
            .collect();
        Ok(Project {
            dependencies,
            root: root.to_path_buf(),
            app_dir,
            src_dir,
            alias,
            next,
            react,
            zod,
            auth,
            data,
            package_manager,
            warnings,
            cache_components,
            request_hook,
            ui,
            shadcn,
        })
    }

    /// The Next.js major version the output targets: the installed or declared one, else
    /// what create-next-app installs today.
    pub fn next_major(&self) -> u64 {
        self.next.as_ref().map_or(LATEST_NEXT_MAJOR, Version::major)
    }

    /// The module specifier for importing `target` (a root-relative path without extension)
    /// from the file `from` (root-relative): through the alias when it covers the target,
    /// else a relative path.
    pub fn import_path(&self, from: &Path, target: &Path) -> String {
        if let Some(alias) = &self.alias
            && let Ok(rest) = target.strip_prefix(&alias.dir)
        {
            return format!("{}{}", alias.prefix, slash(rest));
        }
        let from_dir = from.parent().unwrap_or(Path::new(""));
        let from_parts: Vec<_> = from_dir.components().collect();
        let target_parts: Vec<_> = target.components().collect();
        let common = from_parts
            .iter()
            .zip(&target_parts)
            .take_while(|(a, b)| a == b)
            .count();
        let mut out = String::new();
        for _ in common..from_parts.len() {
            out.push_str("../");
        }
        if out.is_empty() {
            out.push_str("./");
        }
        let rest: PathBuf = target_parts[common..].iter().collect();
        out + &slash(&rest)
    }

    /// A project that exists only in memory (`@/*` alias, app/, zod 4), for tests and
    /// fuzzing of code that never touches the disk.
    pub fn in_memory() -> Project {
        Project {
            root: PathBuf::from("/nonexistent"),
            app_dir: PathBuf::from("app"),
            src_dir: PathBuf::new(),
            alias: Some(Alias {
                prefix: "@/".into(),
                dir: PathBuf::new(),
            }),
            next: None,
            react: None,
            zod: Some(4),
            auth: AuthLib::None,
            data: DataLayer::None,
            package_manager: PackageManager::Npm,
            warnings: Vec::new(),
            dependencies: Default::default(),
            cache_components: false,
            request_hook: None,
            ui: Ui::Plain,
            shadcn: shadcn::Shadcn {
                configured: false,
                import_prefix: "@/components/ui".into(),
                dir: PathBuf::from("components/ui"),
                present: Default::default(),
            },
        }
    }

    pub fn has_dependency(&self, name: &str) -> bool {
        self.dependencies.contains(name)
    }

    /// The command that installs the `packages` the project lacks, if any.
    pub fn install_command(&self, packages: &[&str]) -> Option<String> {
        let missing: Vec<&str> = packages
            .iter()
            .copied()
            .filter(|p| !self.has_dependency(p))
            .collect();
        (!missing.is_empty()).then(|| self.package_manager.add_command(&missing))
    }

    /// How to run a package's binary without installing it: `npx shadcn@latest add`.
    pub fn dlx_command(&self, package: &str, args: &[&str]) -> String {
        let runner = match self.package_manager {
            PackageManager::Npm => "npx",
            PackageManager::Pnpm => "pnpm dlx",
            PackageManager::Yarn => "yarn dlx",
            PackageManager::Bun => "bunx --bun",
        };
        format!("{runner} {package} {}", args.join(" "))
    }

    /// How to run a package.json script: `npm run dev`, `pnpm dev`.
    pub fn run_command(&self, script: &str) -> String {
        match self.package_manager {
            PackageManager::Npm => format!("npm run {script}"),
            PackageManager::Pnpm => format!("pnpm {script}"),
            PackageManager::Yarn => format!("yarn {script}"),
            PackageManager::Bun => format!("bun run {script}"),
        }
    }

    /// Whether a file exists at any of the root-relative `candidates` (extension-less
    /// module paths); returns the first that does.
    pub fn find_module(&self, candidates: &[&str]) -> Option<PathBuf> {
        candidates.iter().map(PathBuf::from).find(|c| {
            ["ts", "tsx", "js", "mjs"]
                .iter()
                .any(|ext| self.root.join(c.with_extension(ext)).is_file())
        })
    }
}

/// `a/./b/../c` → `a/c`, without touching the disk.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The newest Next.js major the templates were checked against.
pub const LATEST_NEXT_MAJOR: u64 = 16;

/// Whether the output must be Cache Components–safe. A setting scaffold cannot evaluate
/// counts as on, the create-next-app default, with a warning saying so.
fn cache_components(
    config: &next_config::NextConfig,
    next: Option<&Version>,
    warnings: &mut Vec<String>,
) -> bool {
    use next_config::Setting;
    let file = config
        .file
        .as_deref()
        .map_or("next.config".into(), |f| f.display().to_string());
    if let Some(error) = &config.unreadable {
        warnings.push(format!(
            "{file} does not parse ({error}): assuming cacheComponents is off"
        ));
    }
    match config.cache_components {
        Setting::On => {
            if let Some(v) = next.filter(|v| v.major() < 16) {
                warnings.push(format!(
                    "{file} turns cacheComponents on, which next {v} does not support: the output follows Next 16"
                ));
            }
            true
        }
        Setting::Unknown => {
            warnings.push(format!(
                "{file} sets cacheComponents from an expression scaffold cannot evaluate: assuming it is on, as create-next-app 16 sets it"
            ));
            true
        }
        Setting::Off | Setting::Unset => false,
    }
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn dependency<'a>(pkg: &'a Value, name: &str) -> Option<&'a str> {
    ["dependencies", "devDependencies", "peerDependencies"]
        .iter()
        .find_map(|section| pkg.get(section)?.get(name)?.as_str())
}

/// The installed version when node_modules has it, else the lowest version the declared
/// range allows.
fn version(root: &Path, pkg: &Value, name: &str) -> Option<Version> {
    let installed = root.join("node_modules").join(name).join("package.json");
    if let Ok(text) = std::fs::read_to_string(installed)
        && let Some(v) = serde_json::from_str::<Value>(&text).ok().and_then(|m| {
            m.get("version")?
                .as_str()
                .and_then(|s| Version::parse(s).ok())
        })
    {
        return Some(v);
    }
    let declared = dependency(pkg, name)?;
    Range::parse(declared).ok()?.min_version()
}
