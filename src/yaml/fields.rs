//! The keys a struct reads, asked of its own `Deserialize`: hints list what the code takes,
//! so a key added to the struct is never missing from them.

use serde::de::{self, Deserialize, Visitor};

/// Field names (with serde aliases) that `T` reads as a struct; empty for anything else.
pub(crate) fn field_names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

/// A deserializer that only records the fields it is asked for, then stops.
struct Probe<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only fields are probed"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Two {
        a: u8,
        #[serde(alias = "bee")]
        b: String,
    }

    #[test]
    fn a_struct_tells_its_fields_and_aliases() {
        let mut f = super::field_names::<Two>().to_vec();
        f.sort();
        assert_eq!(f, ["a", "b", "bee"]);
        assert!(super::field_names::<u8>().is_empty());
    }
}
