//! Editing a customer's description and metadata.

use crate::api::customers::CustomerUpdate;
use crate::api::types::Customer;
use std::collections::BTreeMap;

/// Stripe's metadata limits (reference §13.1).
const MAX_KEYS: usize = 50;
const MAX_KEY_CHARS: usize = 40;
const MAX_VALUE_CHARS: usize = 500;

/// One metadata key/value being edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataRow {
    pub key: String,
    pub value: String,
}

/// The editor's state: what the user typed, and what the customer had.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub description: String,
    pub rows: Vec<MetadataRow>,
    original_description: String,
    original_metadata: BTreeMap<String, String>,
}

/// A change the user makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DetailsAction {
    SetDescription(String),
    SetKey(usize, String),
    SetValue(usize, String),
    AddRow,
    RemoveRow(usize),
}

/// A problem with one field; `field` is `description` or `metadata[i].key`/`.value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl DetailsForm {
    /// The form for `customer`, filled with what it has now.
    pub fn from_customer(customer: &Customer) -> Self {
        let description = customer.description.clone().unwrap_or_default();
        DetailsForm {
            description: description.clone(),
            rows: customer
                .metadata
                .iter()
                .map(|(k, v)| MetadataRow { key: k.clone(), value: v.clone() })
                .collect(),
            original_description: description,
            original_metadata: customer.metadata.clone(),
        }
    }

    /// Applies one change.
    pub fn apply(&mut self, action: DetailsAction) {
        match action {
            DetailsAction::SetDescription(d) => self.description = d,
            DetailsAction::SetKey(i, k) => {
                if let Some(r) = self.rows.get_mut(i) {
                    r.key = k
                }
            }
            DetailsAction::SetValue(i, v) => {
                if let Some(r) = self.rows.get_mut(i) {
                    r.value = v
                }
            }
            DetailsAction::AddRow => self.rows.push(MetadataRow::default()),
            DetailsAction::RemoveRow(i) => {
                if i < self.rows.len() {
                    self.rows.remove(i);
                }
            }
        }
    }

    /// The metadata the form describes (blank rows ignored).
    fn metadata(&self) -> BTreeMap<String, String> {
        self.rows
            .iter()
            .filter(|r| !(r.key.trim().is_empty() && r.value.is_empty()))
            .map(|r| (r.key.trim().to_string(), r.value.clone()))
            .collect()
    }

    /// Every problem, with the field it is in; empty when the form can be saved.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut err = |field: String, message: String| errors.push(FieldError { field, message });
        let mut seen = BTreeMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            let key = row.key.trim();
            if key.is_empty() && row.value.is_empty() {
                continue;
            }
            let field = |part: &str| format!("metadata[{i}].{part}");
            if key.is_empty() {
                err(field("key"), "Give this value a key, or remove the row.".into());
            } else if key.chars().count() > MAX_KEY_CHARS {
                err(field("key"), format!("Keys are at most {MAX_KEY_CHARS} characters."));
            } else if key.contains(['[', ']']) {
                err(field("key"), "Keys can't contain square brackets.".into());
            } else if let Some(first) = seen.insert(key.to_string(), i) {
                err(field("key"), format!("Key “{key}” is already used in row {}.", first + 1));
            }
            if row.value.chars().count() > MAX_VALUE_CHARS {
                err(field("value"), format!("Values are at most {MAX_VALUE_CHARS} characters."));
            }
            if row.value.is_empty() {
                err(field("value"), "Give this key a value, or remove the row.".into());
            }
        }
        if seen.len() > MAX_KEYS {
            err("metadata".into(), format!("A customer holds at most {MAX_KEYS} keys."));
        }
        errors
    }

    /// Whether anything differs from the customer as loaded.
    pub fn is_dirty(&self) -> bool {
        self.description != self.original_description || self.metadata() != self.original_metadata
    }

    /// The update to send: the description if it changed, changed or added keys, and removed
    /// keys set to "" (which deletes them). `Err` when the form has problems.
    pub fn to_update(&self) -> Result<CustomerUpdate, Vec<FieldError>> {
        let errors = self.validate();
        if !errors.is_empty() {
            return Err(errors);
        }
        let now = self.metadata();
        let mut metadata: BTreeMap<String, String> = now
            .iter()
            .filter(|(k, v)| self.original_metadata.get(*k) != Some(v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for k in self.original_metadata.keys().filter(|k| !now.contains_key(*k)) {
            metadata.insert(k.clone(), String::new());
        }
        Ok(CustomerUpdate {
            description: (self.description != self.original_description)
                .then(|| self.description.clone()),
            metadata,
            ..Default::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer() -> Customer {
        let mut c: Customer = serde_json::from_str(
            r#"{"id":"cus_1","object":"customer","balance":0,"created":1,"livemode":false,
               "metadata":{"crm_id":"C-1","tier":"gold"},"description":"VIP"}"#,
        )
        .unwrap();
        c.metadata.insert("region".into(), "emea".into());
        c
    }

    #[test]
    fn an_untouched_form_sends_nothing() {
        let f = DetailsForm::from_customer(&customer());
        assert!(!f.is_dirty());
        assert_eq!(f.to_update().unwrap(), CustomerUpdate::default());
    }

    #[test]
    fn sends_changed_description_and_keys_and_deletes_removed_ones() {
        let mut f = DetailsForm::from_customer(&customer());
        let tier = f.rows.iter().position(|r| r.key == "tier").unwrap();
        f.apply(DetailsAction::SetValue(tier, "platinum".into()));
        let crm = f.rows.iter().position(|r| r.key == "crm_id").unwrap();
        f.apply(DetailsAction::RemoveRow(crm));
        f.apply(DetailsAction::AddRow);
        let last = f.rows.len() - 1;
        f.apply(DetailsAction::SetKey(last, " owner ".into()));
        f.apply(DetailsAction::SetValue(last, "Ana".into()));
        f.apply(DetailsAction::SetDescription("VIP since 2024".into()));
        assert!(f.is_dirty());
        let u = f.to_update().unwrap();
        assert_eq!(u.description.as_deref(), Some("VIP since 2024"));
        let expected: BTreeMap<String, String> =
            [("crm_id", ""), ("owner", "Ana"), ("tier", "platinum")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        assert_eq!(u.metadata, expected);
    }

    #[test]
    fn blank_rows_are_ignored_and_half_rows_are_errors() {
        let mut f = DetailsForm::from_customer(&customer());
        f.apply(DetailsAction::AddRow);
        assert!(f.validate().is_empty(), "a blank row is not an error");
        let i = f.rows.len() - 1;
        f.apply(DetailsAction::SetValue(i, "x".into()));
        let errors = f.validate();
        assert_eq!(errors[0].field, format!("metadata[{i}].key"));
        f.apply(DetailsAction::SetKey(i, "k".into()));
        f.apply(DetailsAction::SetValue(i, String::new()));
        assert_eq!(f.validate()[0].field, format!("metadata[{i}].value"));
    }

    #[test]
    fn stripes_metadata_limits_are_checked_with_the_field() {
        let mut f = DetailsForm::from_customer(&customer());
        f.apply(DetailsAction::SetKey(0, "k".repeat(41)));
        f.apply(DetailsAction::SetValue(1, "v".repeat(501)));
        f.apply(DetailsAction::SetKey(2, "a[b]".into()));
        let fields: Vec<_> = f.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["metadata[0].key", "metadata[1].value", "metadata[2].key"]);
        let mut f = DetailsForm::from_customer(&customer());
        f.apply(DetailsAction::SetKey(1, "crm_id".into()));
        assert!(f.validate()[0].message.contains("already used in row 1"));
        let mut f = DetailsForm::from_customer(&customer());
        for i in 0..48 {
            f.apply(DetailsAction::AddRow);
            let last = f.rows.len() - 1;
            f.apply(DetailsAction::SetKey(last, format!("k{i}")));
            f.apply(DetailsAction::SetValue(last, "v".into()));
        }
        assert_eq!(f.validate().last().unwrap().field, "metadata");
        assert!(f.to_update().is_err());
    }
}
