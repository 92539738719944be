//! Stable keys for closed enums: the text stored in the database and sent
//! in the API, and its inverse. One macro, so every enum behaves alike.

/// Gives every closed enum a stable storage/API key and its inverse.
macro_rules! keyed {
    ($t:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($t::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Result<Self, $crate::domain::DomainError> {
                match key {
                    $($key => Ok($t::$variant),)+
                    other => Err($crate::domain::DomainError::UnknownValue(other.to_owned())),
                }
            }
        }
    };
}
pub(crate) use keyed;
