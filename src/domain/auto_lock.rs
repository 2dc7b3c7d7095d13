//! When the lock closes by itself: a rule of time, kept as a plain number in the
//! settings (`Prefs::auto_lock`). Its wording is the lock settings' own.

/// When the lock closes by itself after the app is hidden (another app, the
/// screen off).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoLock {
    Immediately,
    AfterMinutes(u32),
    Never,
}

impl Default for AutoLock {
    fn default() -> Self {
        AutoLock::AfterMinutes(5)
    }
}

impl AutoLock {
    pub const CHOICES: [AutoLock; 5] =
        [AutoLock::Immediately, AutoLock::AfterMinutes(1), AutoLock::AfterMinutes(5), AutoLock::AfterMinutes(15), AutoLock::Never];

    /// As stored in `Prefs::auto_lock`: -1 never, 0 immediately, else minutes.
    pub fn minutes(self) -> i32 {
        match self {
            AutoLock::Immediately => 0,
            AutoLock::AfterMinutes(n) => n as i32,
            AutoLock::Never => -1,
        }
    }

    pub fn from_minutes(minutes: i32) -> Self {
        match minutes {
            0 => AutoLock::Immediately,
            n if n > 0 => AutoLock::AfterMinutes(n as u32),
            _ => AutoLock::Never,
        }
    }

    /// Milliseconds out of sight before locking; `None` for never.
    pub fn delay_ms(self) -> Option<i64> {
        match self {
            AutoLock::Immediately => Some(0),
            AutoLock::AfterMinutes(n) => Some(i64::from(n) * 60_000),
            AutoLock::Never => None,
        }
    }
}
