use super::*;

fn catalog(code: &str, texts: &[(Key, &str)]) -> Catalog {
    let mut all = vec![None; KEY_COUNT];
    for (key, text) in texts {
        all[key.index as usize] = Some(text.to_string());
    }
    Catalog { code: code.into(), texts: all, plural: Box::new(english_plural), number: Box::new(english_number) }
}

#[test]
fn english_is_compiled_in_and_every_key_reads_back_its_own_text() {
    set_catalog(None);
    assert_eq!(t(k::support::TITLE), "Support");
    assert_eq!(t_with(k::support::CALL, &[("number", "116 123")]), "Call 116 123");
    assert_eq!(language(), "en");
    let en: serde_json::Value = serde_json::from_str(include_str!("../../locales/en.json")).unwrap();
    assert_eq!(k::support::TITLE.index as usize, KEYS.iter().position(|k| *k == "support.title").unwrap());
    assert_eq!(en.pointer("/support/title").and_then(|v| v.as_str()), Some(k::support::TITLE.en));
    assert_eq!((k::count::ENTRIES.one, k::count::ENTRIES.other), ("{{count}} entry", "{{count}} entries"));
    assert_eq!(KEYS[k::count::ENTRIES.first as usize], "count.entries_few");
}

#[test]
fn a_language_file_replaces_what_it_translates_and_english_fills_the_rest() {
    set_catalog(Some(catalog("de", &[(k::support::TITLE, "Hilfe"), (k::support::CALL, "{{number}} anrufen")])));
    assert_eq!(t(k::support::TITLE), "Hilfe");
    assert_eq!(t_with(k::support::CALL, &[("number", "142")]), "142 anrufen");
    assert_eq!(t(k::support::SOURCES), "Sources", "untranslated: English");
    assert_eq!(language(), "de");
    set_catalog(None);
    assert_eq!(t(k::support::TITLE), "Support");
}

#[test]
fn placeholders_fill_by_name_and_unknown_ones_stay_as_written() {
    assert_eq!(fill("{{a}} and {{ b }}", &[("a", "1"), ("b", "2")]), "1 and 2");
    assert_eq!(fill("{{a}} {{missing}}", &[("a", "x")]), "x {{missing}}");
    assert_eq!(fill("no close {{a", &[("a", "x")]), "no close {{a");
    assert_eq!(fill("{{a}}", &[("a", "{{a}}")]), "{{a}}", "a value is never read as a template");
}

#[test]
fn a_compiled_file_for_another_key_list_is_refused() {
    let texts = serde_json::to_string(&vec![None::<String>; KEY_COUNT]).unwrap();
    let good = format!(r#"{{"keys": {KEYS_HASH}, "texts": {texts}}}"#);
    assert!(Catalog::from_compiled("de", &good).is_ok());
    let other = format!(r#"{{"keys": {}, "texts": {texts}}}"#, KEYS_HASH.wrapping_add(1));
    assert_eq!(Catalog::from_compiled("de", &other).err(), Some(CatalogError::OtherKeys));
    let short = format!(r#"{{"keys": {KEYS_HASH}, "texts": []}}"#);
    assert_eq!(Catalog::from_compiled("de", &short).err(), Some(CatalogError::OtherKeys));
    assert_eq!(Catalog::from_compiled("de", "<html>").err(), Some(CatalogError::Unreadable));
}

type Flat = std::collections::BTreeMap<String, String>;

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut Flat) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map.iter().filter(|(k, _)| !(prefix.is_empty() && *k == "_meta")) {
                flatten(&if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") }, v, out);
            }
        }
        serde_json::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: {other} is not a string"),
    }
}

fn placeholders(text: &str) -> std::collections::BTreeSet<String> {
    text.split("{{").skip(1).filter_map(|rest| rest.split_once("}}")).map(|(name, _)| name.trim().to_string()).collect()
}

const CATEGORIES: [&str; 6] = ["few", "many", "one", "other", "two", "zero"];

fn plural_base(key: &str) -> Option<&str> {
    CATEGORIES.iter().find_map(|c| key.strip_suffix(&format!("_{c}")))
}

/// What is wrong with a language file against English: keys missing or extra,
/// placeholders changed (a plural form may leave out `{{count}}`: "one entry").
fn problems(en: &serde_json::Value, lang: &serde_json::Value) -> Vec<String> {
    let (mut e, mut l) = (Flat::new(), Flat::new());
    flatten("", en, &mut e);
    flatten("", lang, &mut l);
    let mut problems = Vec::new();
    for (key, text) in &e {
        let present = match plural_base(key) {
            Some(base) => l.contains_key(&format!("{base}_other")),
            None => l.contains_key(key),
        };
        if !present {
            problems.push(format!("missing {key}"));
            continue;
        }
        let _ = text;
    }
    for (key, text) in &l {
        let english = match plural_base(key) {
            Some(base) => e.get(&format!("{base}_other")),
            None => e.get(key),
        };
        let Some(english) = english else {
            problems.push(format!("{key} is not in English"));
            continue;
        };
        let (mut want, have) = (placeholders(english), placeholders(text));
        if plural_base(key).is_some() && !key.ends_with("_other") && !have.contains("count") {
            want.remove("count");
        }
        if want != have {
            problems.push(format!("{key}: placeholders {have:?}, English has {want:?}"));
        }
    }
    let meta = &lang["_meta"];
    if meta["name"].as_str().is_none() || meta["translated_by"].as_str().is_none() || meta["reviewed"].as_bool().is_none() {
        problems.push("_meta needs name, translated_by and reviewed".into());
    }
    problems
}

#[test]
fn every_language_file_has_exactly_englishs_keys_and_placeholders() {
    let en: serde_json::Value = serde_json::from_str(include_str!("../../locales/en.json")).unwrap();
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") && !path.ends_with("en.json") {
            let lang: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let found = problems(&en, &lang);
            assert!(found.is_empty(), "{}:\n{}", path.display(), found.join("\n"));
            checked.push(path);
        }
    }
    assert_eq!(checked.len(), offered().count(), "every file is a language build.rs lists");
}

#[test]
fn a_missing_key_an_extra_key_or_a_changed_placeholder_is_caught() {
    let en = serde_json::json!({"a": {"hi": "Hello {{name}}", "n_one": "{{count}} entry", "n_other": "{{count}} entries"}});
    let meta = serde_json::json!({"name": "X", "translated_by": "t", "reviewed": false});
    let good = serde_json::json!({"_meta": meta, "a": {"hi": "Hallo {{name}}", "n_one": "ein Eintrag", "n_few": "{{count}} x", "n_other": "{{count}} Einträge"}});
    assert_eq!(problems(&en, &good), Vec::<String>::new());
    let missing = serde_json::json!({"_meta": meta, "a": {"n_other": "{{count}}"}});
    assert_eq!(problems(&en, &missing), ["missing a.hi"]);
    let extra = serde_json::json!({"_meta": meta, "a": {"hi": "{{name}}", "n_other": "{{count}}", "bye": "Tschüss"}});
    assert_eq!(problems(&en, &extra), ["a.bye is not in English"]);
    let renamed = serde_json::json!({"_meta": meta, "a": {"hi": "Hallo {{nom}}", "n_other": "{{count}}"}});
    assert_eq!(problems(&en, &renamed).len(), 1);
    let no_meta = serde_json::json!({"a": {"hi": "{{name}}", "n_other": "{{count}}"}});
    assert_eq!(problems(&en, &no_meta), ["_meta needs name, translated_by and reviewed"]);
}

#[test]
fn plurals_pick_the_form_by_the_languages_rule_and_numbers_are_written_its_way() {
    set_catalog(None);
    assert_eq!(t_count(k::count::ENTRIES, 1), "1 entry");
    assert_eq!(t_count(k::count::ENTRIES, 0), "0 entries");
    assert_eq!(decimal(45, 1), "4.5");
    // A language whose rule puts 0 with 1 (as French does), with its own forms and decimal comma.
    let mut fr = catalog("fr", &[]);
    fr.texts[k::count::ENTRIES.first as usize + Category::One as usize] = Some("{{count}} entrée".into());
    fr.texts[k::count::ENTRIES.first as usize + Category::Other as usize] = Some("{{count}} entrées".into());
    fr.plural = Box::new(|n| if n < 2.0 { Category::One } else { Category::Other });
    fr.number = Box::new(|n, d| format!("{n:.*}", d as usize).replace('.', ","));
    set_catalog(Some(fr));
    assert_eq!(t_count(k::count::ENTRIES, 0), "0 entrée");
    assert_eq!(t_count(k::count::ENTRIES, 2), "2 entrées");
    assert_eq!(decimal(45, 1), "4,5");
    // A category the file lacks falls back to its "other", never to English.
    let mut pl = catalog("pl", &[]);
    pl.texts[k::count::ENTRIES.first as usize + Category::Other as usize] = Some("{{count}} wpisów".into());
    pl.plural = Box::new(|_| Category::Few);
    set_catalog(Some(pl));
    assert_eq!(t_count(k::count::ENTRIES, 3), "3 wpisów");
    set_catalog(None);
}

#[test]
fn the_setting_wins_then_the_browsers_languages_in_order_then_english() {
    let langs = |l: &[&'static str]| l.to_vec();
    assert_eq!(choose(None, langs(&[])), "en");
    assert_eq!(choose(None, langs(&["en-GB", "de"])), "en", "English is a language the app has");
    assert_eq!(choose(Some("en-XA"), langs(&["en-US"])), "en-XA", "a test language is reached by the setting");
    assert_eq!(choose(None, langs(&["en-XA"])), "en", "but never offered from the browser's list");
    assert_eq!(choose(Some("tlh"), langs(&["fr-CA"])), offered().find(|l| l.code == "fr").map_or("en", |l| l.code));
    for lang in offered() {
        assert_eq!(choose(Some(lang.code), langs(&["en"])), lang.code);
        assert_eq!(choose(None, langs(&["xx", lang.code])), lang.code);
    }
    assert!(is_rtl("ar-XB") && !is_rtl("en"));
}
