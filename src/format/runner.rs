//! Runs the project's own formatter over text in memory, before anything is written: the
//! plan then holds the formatted files, so a dry run shows them and the write stays
//! all-or-nothing. One `node` process for prettier (its API), one `biome` process per file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde::{Deserialize, Serialize};

/// No formatter run may hold the command up longer than this.
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Serialize)]
pub struct Job {
    /// Absolute path the text will be written to (config, overrides and ignores follow it).
    pub path: PathBuf,
    pub text: String,
    /// The file's contents before a codemod edited it: the formatter runs only when it
    /// accepts this as it is, so it never reformats a file of the user's that was not
    /// formatted.
    pub original: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Outcome {
    Formatted {
        text: String,
    },
    /// Ignored by `.prettierignore` / `.gitignore`: the formatter does not check it.
    Ignored,
    /// A file the codemod edited that the formatter did not accept before the edit.
    WasUnformatted,
    /// The formatter threw on this file (a plugin error, a syntax it cannot parse).
    Failed {
        message: String,
    },
}

/// prettier's API through the project's own installation, resolved from the project root as
/// the project's scripts resolve it. The version comes back first.
const PRETTIER_SCRIPT: &str = r#"
const path = require("node:path");
const { createRequire } = require("node:module");
const [root] = process.argv.slice(-1);
const prettier = createRequire(path.join(root, "package.json"))("prettier");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const ignorePath = [".gitignore", ".prettierignore"].map((f) => path.join(root, f));
  const out = [];
  for (const job of JSON.parse(input)) {
    try {
      const info = await prettier.getFileInfo(job.path, { ignorePath });
      if (info.ignored) { out.push({ kind: "ignored" }); continue; }
      const config = (await prettier.resolveConfig(job.path, { editorconfig: true })) ?? {};
      const options = { ...config, filepath: job.path };
      if (job.original != null && !(await prettier.check(job.original, options))) {
        out.push({ kind: "wasUnformatted" });
        continue;
      }
      out.push({ kind: "formatted", text: await prettier.format(job.text, options) });
    } catch (error) {
      out.push({ kind: "failed", message: String(error?.message ?? error).split("\n")[0] });
    }
  }
  process.stdout.write(JSON.stringify({ version: prettier.version, out }));
});
"#;

#[derive(Deserialize)]
struct PrettierReply {
    version: String,
    out: Vec<Outcome>,
}

/// Formats every job with the project's prettier; returns its version and one outcome per
/// job, in order.
pub fn prettier(root: &Path, jobs: &[Job]) -> Result<(String, Vec<Outcome>)> {
    let input = serde_json::to_vec(jobs)?;
    let mut command = Command::new("node");
    command
        .args(["-e", PRETTIER_SCRIPT, "--"])
        .arg(root)
        .current_dir(root);
    let stdout = run(command, &input).context("running the project's prettier")?;
    let reply: PrettierReply =
        serde_json::from_slice(&stdout).context("reading prettier's answer")?;
    if reply.out.len() != jobs.len() {
        bail!(
            "prettier answered for {} of {} files",
            reply.out.len(),
            jobs.len()
        );
    }
    Ok((reply.version, reply.out))
}

/// Formats every job with the project's Biome (`biome format --stdin-file-path`).
/// The files run side by side: each is a 25 ms process start.
pub fn biome(root: &Path, binary: &Path, jobs: &[Job]) -> Result<Vec<Outcome>> {
    let format = |job: &Job, text: &str| -> Result<String> {
        let mut command = Command::new(binary);
        command
            .arg("format")
            .arg("--colors=off")
            .arg(format!("--stdin-file-path={}", job.path.display()))
            .current_dir(root);
        String::from_utf8(run(command, text.as_bytes())?)
            .context("biome printed text that is not UTF-8")
    };
    let one = |job: &Job| -> Result<Outcome> {
        // As with prettier: a file the codemod edited is formatted only if Biome left it
        // unchanged before the edit.
        if let Some(original) = &job.original
            && format(job, original)? != *original
        {
            return Ok(Outcome::WasUnformatted);
        }
        Ok(Outcome::Formatted {
            text: format(job, &job.text)?,
        })
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|job| scope.spawn(move || one(job)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow!("biome's runner panicked")))
            })
            .collect()
    })
}

/// Runs `command` with `input` on stdin; its stdout, or an error with its stderr. Killed
/// after [`TIMEOUT`].
fn run(mut command: Command, input: &[u8]) -> Result<Vec<u8>> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot start it")?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let errors = std::thread::spawn(move || {
        let mut err = String::new();
        let _ = stderr.read_to_string(&mut err);
        err
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!("it did not finish within {} s", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let out = reader
        .join()
        .map_err(|_| anyhow!("reading its output failed"))??;
    let err = errors.join().unwrap_or_default();
    if !status.success() {
        let first = err
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no message");
        bail!("it failed ({status}): {first}");
    }
    Ok(out)
}
