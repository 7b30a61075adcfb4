//! One `Idempotency-Key` per user action, reused when the same action is retried (reference
//! §13.5), so a retry after a lost answer never writes twice.

/// Remembers the key of the last attempted write and the parameters it was made for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionKey {
    last: Option<(Vec<(String, String)>, String)>,
}

impl ActionKey {
    /// The key for writing `params`: the previous key when these are the same parameters (a
    /// retry of the same action), otherwise a `fresh()` one (a new action).
    pub fn key_for(
        &mut self,
        params: &[(String, String)],
        fresh: impl FnOnce() -> String,
    ) -> String {
        match &self.last {
            Some((p, key)) if p == params => key.clone(),
            _ => {
                let key = fresh();
                self.last = Some((params.to_vec(), key.clone()));
                key
            }
        }
    }

    /// Forgets the key once the action succeeded: the next write is a new action.
    pub fn done(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &str) -> Vec<(String, String)> {
        vec![("description".into(), v.into())]
    }

    #[test]
    fn retrying_the_same_action_reuses_its_key() {
        let mut k = ActionKey::default();
        let first = k.key_for(&p("a"), || "k1".into());
        assert_eq!(first, "k1");
        assert_eq!(k.key_for(&p("a"), || "k2".into()), "k1", "a retry keeps the key");
    }

    #[test]
    fn changed_parameters_or_a_success_start_a_new_action() {
        let mut k = ActionKey::default();
        k.key_for(&p("a"), || "k1".into());
        assert_eq!(k.key_for(&p("b"), || "k2".into()), "k2", "other params, other action");
        k.done();
        assert_eq!(k.key_for(&p("b"), || "k3".into()), "k3", "after success, a new action");
    }
}
