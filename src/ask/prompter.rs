//! The questions the CLI can ask, behind a small trait so the flow is testable without a
//! terminal.

use anyhow::{Result, anyhow};
use inquire::{Confirm, InquireError, MultiSelect, Select, Text};

pub trait Prompter {
    /// Picks one of `options`; returns its index.
    fn select(
        &mut self,
        question: &str,
        help: &str,
        options: &[String],
        default: usize,
    ) -> Result<usize>;
    /// Free text, re-asked until `validate` accepts it.
    fn text(
        &mut self,
        question: &str,
        help: &str,
        default: Option<&str>,
        validate: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String>;
    /// Picks any of `options`; returns their indexes.
    fn multi_select(
        &mut self,
        question: &str,
        options: &[String],
        defaults: &[usize],
    ) -> Result<Vec<usize>>;
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool>;
}

/// Prompts on the terminal with inquire.
pub struct Terminal;

fn cancelled(e: InquireError) -> anyhow::Error {
    match e {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => {
            anyhow!("cancelled; nothing was written")
        }
        other => anyhow!("cannot prompt: {other}"),
    }
}

impl Prompter for Terminal {
    fn select(
        &mut self,
        question: &str,
        help: &str,
        options: &[String],
        default: usize,
    ) -> Result<usize> {
        let choice = Select::new(question, options.to_vec())
            .with_help_message(help)
            .with_starting_cursor(default)
            .raw_prompt()
            .map_err(cancelled)?;
        Ok(choice.index)
    }

    fn text(
        &mut self,
        question: &str,
        help: &str,
        default: Option<&str>,
        validate: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<String> {
        loop {
            let mut prompt = Text::new(question).with_help_message(help);
            if let Some(d) = default {
                prompt = prompt.with_default(d);
            }
            let answer = prompt.prompt().map_err(cancelled)?;
            match validate(answer.trim()) {
                Ok(()) => return Ok(answer.trim().to_string()),
                Err(why) => eprintln!("  ✗ {why}"),
            }
        }
    }

    fn multi_select(
        &mut self,
        question: &str,
        options: &[String],
        defaults: &[usize],
    ) -> Result<Vec<usize>> {
        let chosen = MultiSelect::new(question, options.to_vec())
            .with_default(defaults)
            .raw_prompt()
            .map_err(cancelled)?;
        Ok(chosen.into_iter().map(|o| o.index).collect())
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        Confirm::new(question)
            .with_default(default)
            .prompt()
            .map_err(cancelled)
    }
}
