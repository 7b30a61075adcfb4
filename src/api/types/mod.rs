//! Typed Stripe objects: only the fields the app reads. Unknown fields are ignored, every field
//! Stripe may send as `null` is an `Option`, and every status enum has an `Unknown` variant, so
//! a newer API version still decodes.
//!
//! The shapes are those of the pinned API version (`config::STRIPE_API_VERSION`, a `…clover`
//! version): since `2025-03-31.basil` a subscription's billing period lives on its items and an
//! invoice names its subscription under `parent`.

mod billing;
mod customer;
mod payments;
mod secret;

pub use billing::{
    Interval, Invoice, InvoiceParent, InvoiceStatus, Price, PriceType, Product, Recurring,
    Subscription, SubscriptionDetails, SubscriptionItem, SubscriptionStatus,
};
pub use customer::{Address, Customer, CustomerStatus};
pub use payments::{
    AmazonPay, Card, Mandate, MandateStatus, NextAction, PaymentIntent, PaymentIntentStatus,
    PaymentMethod, RedirectToUrl, SetupIntent, SetupIntentStatus,
};
pub use secret::Secret;

use super::pagination::HasId;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// One page of a list endpoint (`object: "list"`), newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct List<T> {
    pub object: String,
    pub url: String,
    pub has_more: bool,
    pub data: Vec<T>,
}

/// One page of a search endpoint (`object: "search_result"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult<T> {
    pub data: Vec<T>,
    pub has_more: bool,
    /// The `page` cursor of the next page; `null` on the last one.
    pub next_page: Option<String>,
    pub url: String,
    /// Only sent when the request expands `total_count`.
    #[serde(default)]
    pub total_count: Option<u64>,
}

/// A field that is an object's id, or the object itself when the request expanded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expandable<T> {
    Id(String),
    Object(Box<T>),
}

impl<T: HasId> Expandable<T> {
    /// The id, whether or not the object was expanded.
    pub fn id(&self) -> &str {
        match self {
            Expandable::Id(id) => id,
            Expandable::Object(object) => object.id(),
        }
    }
}

impl<T> Expandable<T> {
    /// The object, if the request expanded it.
    pub fn object(&self) -> Option<&T> {
        match self {
            Expandable::Id(_) => None,
            Expandable::Object(object) => Some(object),
        }
    }
}

impl<T: Serialize> Serialize for Expandable<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Expandable::Id(id) => s.serialize_str(id),
            Expandable::Object(object) => object.serialize(s),
        }
    }
}

// NB: hand-written rather than `#[serde(untagged)]`: untagged buffers the object and then reports
// only "did not match any variant", losing the JSON path and the field that was wrong.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Expandable<T> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct IdOrObject<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for IdOrObject<T> {
            type Value = Expandable<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id string or an expanded object")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<Self::Value, E> {
                Ok(Expandable::Id(id.to_string()))
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                let object = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Expandable::Object(Box::new(object)))
            }
        }

        de.deserialize_any(IdOrObject(PhantomData))
    }
}

/// Reads `null` as the type's default (an empty map or list).
pub(crate) fn null_as_default<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(de)?.unwrap_or_default())
}

/// A string enum of Stripe's (a status, a type) that never fails to decode: a value Stripe adds
/// later reads as `Unknown`. `as_str()` is the wire value.
macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $wire:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $wire)] $variant,)*
            /// A value Stripe added after this app was built.
            #[serde(other, rename = "unknown")]
            Unknown,
        }

        impl $name {
            /// Every known value, for table tests.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The value on the wire (`"unknown"` for [`Self::Unknown`]).
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)*
                    $name::Unknown => "unknown",
                }
            }
        }
    };
}
pub(crate) use string_enum;

/// Implements [`HasId`] for types with an `id: String` field.
macro_rules! has_id {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::api::pagination::HasId for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
pub(crate) use has_id;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Obj {
        id: String,
        n: i64,
    }

    impl HasId for Obj {
        fn id(&self) -> &str {
            &self.id
        }
    }

    #[test]
    fn expandable_reads_an_id_or_an_object_and_writes_it_back() {
        let id: Expandable<Obj> = serde_json::from_str(r#""obj_1""#).unwrap();
        assert_eq!((id.id(), id.object()), ("obj_1", None));
        let object: Expandable<Obj> = serde_json::from_str(r#"{"id":"obj_2","n":3}"#).unwrap();
        assert_eq!(object.id(), "obj_2");
        assert_eq!(object.object(), Some(&Obj { id: "obj_2".into(), n: 3 }));
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""obj_1""#);
        assert_eq!(serde_json::to_string(&object).unwrap(), r#"{"id":"obj_2","n":3}"#);
    }

    #[test]
    fn expandable_rejects_other_shapes_and_keeps_the_inner_error() {
        let err = serde_json::from_str::<Expandable<Obj>>("12").unwrap_err().to_string();
        assert!(err.contains("an id string or an expanded object"), "{err}");
        let err = serde_json::from_str::<Expandable<Obj>>(r#"{"id":"x"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `n`"), "{err}");
    }

    #[test]
    fn search_result_total_count_is_optional() {
        let page: SearchResult<Obj> = serde_json::from_str(
            r#"{"object":"search_result","url":"/v1/x/search","has_more":false,"data":[],
                "next_page":null}"#,
        )
        .unwrap();
        assert_eq!((page.next_page, page.total_count), (None, None));
    }
}
