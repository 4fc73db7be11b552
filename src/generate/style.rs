//! How generated forms and pages look: Tailwind utility classes, or a small CSS module
//! beside the form. Tailwind's preflight strips input borders and button styles, so an
//! unstyled form in a Tailwind app is practically invisible; every element a user reads
//! or clicks gets a class.

use crate::spec::Ui;

/// The elements that are styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The page's `<main>`.
    Main,
    /// The page's `<h1>`.
    Heading,
    /// The page's `<h2>` above a form.
    Subheading,
    Form,
    /// A label above its control.
    Field,
    /// A checkbox and its label side by side.
    Check,
    Label,
    /// Text inputs, textareas and selects.
    Control,
    Checkbox,
    Button,
    /// A field's error text.
    FieldError,
    /// The form's outcome: `role="status"`, or `role="alert"` for errors.
    Message,
    List,
    /// A list item, dimmed while it is saving (`aria-busy`).
    Item,
    /// A toggle button, filled while pressed (`aria-pressed`).
    Toggle,
}

/// The CSS module's import name in components.
pub const MODULE_BINDING: &str = "styles";

impl Role {
    fn tailwind(self) -> Option<&'static str> {
        Some(match self {
            // w-full: create-next-app 16's <body> is a flex column, where auto
            // margins alone would shrink <main> to its content.
            Role::Main => "mx-auto flex w-full max-w-2xl flex-col gap-6 p-8",
            Role::Heading => "text-2xl font-semibold",
            Role::Subheading => "text-lg font-semibold",
            Role::Form => "flex max-w-md flex-col gap-4",
            Role::Field => "flex flex-col gap-1",
            Role::Check => "flex flex-wrap items-center gap-2",
            Role::Label => "text-sm font-medium",
            Role::Control => {
                "rounded-md border border-neutral-500 bg-transparent px-3 py-2 focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-blue-600 aria-[invalid=true]:border-red-600 dark:border-neutral-400"
            }
            Role::Checkbox => "size-4 accent-neutral-900 dark:accent-neutral-100",
            Role::Button => {
                "self-start rounded-md bg-neutral-900 px-4 py-2 font-medium text-white hover:bg-neutral-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
            }
            Role::FieldError => "w-full text-sm text-red-700 dark:text-red-400",
            Role::Message => {
                "text-sm text-green-700 dark:text-green-400 [&[role=alert]]:text-red-700 dark:[&[role=alert]]:text-red-400"
            }
            Role::List => "flex flex-col gap-2",
            Role::Item => "flex items-center gap-3 aria-busy:opacity-60",
            Role::Toggle => {
                "rounded-md border border-neutral-500 px-3 py-1 text-sm aria-pressed:bg-neutral-900 aria-pressed:text-white dark:border-neutral-400 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
            }
        })
    }

    /// The class in the CSS module; the page's own elements keep browser defaults.
    fn module_class(self) -> Option<&'static str> {
        Some(match self {
            Role::Main | Role::Heading | Role::Subheading => return None,
            Role::Form => "form",
            Role::Field => "field",
            Role::Check => "check",
            Role::Label => "label",
            Role::Control => "control",
            Role::Checkbox => "checkbox",
            Role::Button => "button",
            Role::FieldError => "error",
            Role::Message => "message",
            Role::List => "list",
            Role::Item => "item",
            Role::Toggle => "toggle",
        })
    }
}

/// The `className` attribute for `role`, if it has one under `ui`.
pub fn class(ui: Ui, role: Role) -> Option<String> {
    match ui {
        Ui::Tailwind | Ui::Shadcn => role.tailwind().map(|c| format!("className=\"{c}\"")),
        Ui::Plain => role
            .module_class()
            .map(|c| format!("className={{{MODULE_BINDING}.{c}}}")),
    }
}

/// The class for `role` on a page, which imports no CSS module: plain pages keep
/// the browser's defaults.
pub fn page_class(ui: Ui, role: Role) -> Option<String> {
    match ui {
        Ui::Tailwind | Ui::Shadcn => class(ui, role),
        Ui::Plain => None,
    }
}

/// `attrs` with the page's class for `role` appended.
pub fn with_page_class(ui: Ui, role: Role, mut attrs: Vec<String>) -> Vec<String> {
    attrs.extend(page_class(ui, role));
    attrs
}

/// `attrs` with the role's class appended.
pub fn with_class(ui: Ui, role: Role, mut attrs: Vec<String>) -> Vec<String> {
    attrs.extend(class(ui, role));
    attrs
}

/// The CSS module a plain form imports: visible edges and focus, and the error colour
/// only on what is in error. Colours that must differ between light and dark pages use
/// `light-dark()`, which follows the page's own `color-scheme` (create-next-app's plain
/// stylesheet sets it for dark mode): a page that stays light keeps the light colours.
pub const CSS_MODULE: &str = r#"/* Styles for the form beside this file: adjust them to your design. */

.form {
  display: flex;
  flex-direction: column;
  gap: 1rem;
  max-width: 28rem;
}

.field {
  display: flex;
  flex-direction: column;
  gap: 0.25rem;
}

.check {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem;
}

.label {
  font-weight: 600;
}

/* A mid grey: at least 3:1 against white and against near-black. */
.control {
  padding: 0.5rem 0.75rem;
  border: 1px solid #8a8a8a;
  border-radius: 0.375rem;
  background: transparent;
  color: inherit;
  font: inherit;
}

.control[aria-invalid="true"] {
  border-color: light-dark(#c62828, #ff8a80);
}

.checkbox {
  width: 1rem;
  height: 1rem;
}

.control:focus-visible,
.checkbox:focus-visible,
.button:focus-visible,
.toggle:focus-visible {
  outline: 2px solid #2563eb;
  outline-offset: 2px;
}

.button {
  align-self: flex-start;
  padding: 0.5rem 1rem;
  border: none;
  border-radius: 0.375rem;
  background: light-dark(#171717, #ededed);
  color: light-dark(#fff, #171717);
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}

.button:disabled {
  opacity: 0.6;
}

.error {
  width: 100%;
  margin: 0;
  color: light-dark(#c62828, #ff8a80);
  font-size: 0.875rem;
}

.message {
  margin: 0;
  color: light-dark(#1b5e20, #a5d6a7);
}

.message[role="alert"] {
  color: light-dark(#c62828, #ff8a80);
}

.list {
  display: flex;
  flex-direction: column;
  gap: 0.5rem;
  padding: 0;
  list-style: none;
}

.item {
  display: flex;
  align-items: center;
  gap: 0.75rem;
}

.item[aria-busy="true"] {
  opacity: 0.6;
}

.toggle {
  padding: 0.25rem 0.75rem;
  border: 1px solid #8a8a8a;
  border-radius: 0.375rem;
  background: transparent;
  color: inherit;
  font: inherit;
  cursor: pointer;
}

.toggle[aria-pressed="true"] {
  background: light-dark(#171717, #ededed);
  color: light-dark(#fff, #171717);
}
"#;
