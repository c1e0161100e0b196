//! The unit tests' random inputs: xorshift64 (13, 7, 17), deterministic so
//! a failure reproduces from the seed in the test.

/// A generator of u64s from `seed` (not zero).
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
