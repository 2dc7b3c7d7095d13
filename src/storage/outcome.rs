//! What a write expects to find, and every way it can end without writing: the
//! store's whole vocabulary for "nothing was changed, and here is why".

use crate::i18n::{k::storage as s, t, t_with};

/// Why a write did not happen. In every case nothing already stored was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    Full,
    /// The data here was saved by a newer version of the app.
    ReadOnly,
    /// Storage is switched off or blocked (private mode in some browsers).
    Unavailable,
    /// The lock was turned on (perhaps in another tab) and this page does not
    /// hold the key: nothing is written in plain form.
    Locked,
}

impl SaveError {
    /// Why nothing could be stored, in plain words: the one wording of each
    /// cause, for saves and drafts alike.
    pub fn cause(self) -> &'static str {
        match self {
            SaveError::Full => t(s::CAUSE_FULL),
            SaveError::ReadOnly => t(s::CAUSE_READ_ONLY),
            SaveError::Unavailable => t(s::CAUSE_UNAVAILABLE),
            SaveError::Locked => t(s::CAUSE_LOCKED),
        }
    }
    /// What happened to a save. Where the person's words are now is for the
    /// caller to add (`ui::draft`), because only it knows whether the draft holds them.
    pub fn message(self) -> String {
        t_with(s::NOT_SAVED, &[("cause", self.cause())])
    }
    /// What the person can do about it.
    pub fn remedy(self) -> &'static str {
        match self {
            SaveError::Full => t(s::REMEDY_FULL),
            SaveError::ReadOnly => t(s::REMEDY_READ_ONLY),
            SaveError::Unavailable => "",
            SaveError::Locked => t(s::REMEDY_LOCKED),
        }
    }
}

/// What a save expects to find stored under its id, so nobody's words are
/// overwritten unseen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// A new record: nothing may be stored under its id yet.
    Absent,
    /// An edit of the copy whose `updated_at` was this.
    Updated(i64),
}

/// Why a save stopped before writing because someone else had changed the record.
#[derive(Clone, Debug, PartialEq)]
pub enum Stale<T> {
    /// Another tab or an import saved a different copy. `None`: this build cannot read it.
    Changed(Option<T>),
    /// It was deleted meanwhile.
    Deleted,
}

impl<T> Stale<T> {
    /// The same news about another form of the record (what a view shows of it).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Stale<U> {
        match self {
            Stale::Changed(theirs) => Stale::Changed(theirs.map(f)),
            Stale::Deleted => Stale::Deleted,
        }
    }
}

/// Why a save did not happen. In every case nothing stored was changed.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure<T> {
    Store(SaveError),
    Stale(Stale<T>),
}

impl<T> From<SaveError> for SaveFailure<T> {
    fn from(e: SaveError) -> Self {
        SaveFailure::Store(e)
    }
}

/// What a delete removed, exactly as it was stored, so Undo can put back what
/// was really there (not an older copy some view still held).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    /// (key, value) pairs: the record first, then drafts of edits to it.
    pub values: Vec<(String, String)>,
}
