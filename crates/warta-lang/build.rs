//! Embeds every language folder under `lang/` so that adding a language means adding a folder.
use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = fs::read_dir(&root).expect("lang/ folder").filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).collect();
    dirs.sort_by_key(|e| e.file_name());
    let mut out = String::from("/// (language code, [(file name, contents)]) for every folder under lang/.\npub static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n");
    for d in dirs {
        let code = d.file_name().to_string_lossy().to_string();
        println!("cargo:rerun-if-changed={}", d.path().display());
        let mut files: Vec<_> = fs::read_dir(d.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.path().extension().is_some_and(|x| x == "toml" || x == "txt")).collect();
        files.sort_by_key(|e| e.file_name());
        out.push_str(&format!("    ({code:?}, &[\n"));
        for f in files {
            let p = fs::canonicalize(f.path()).unwrap();
            println!("cargo:rerun-if-changed={}", p.display());
            out.push_str(&format!("        ({:?}, include_str!({:?})),\n", f.file_name().to_string_lossy(), p.display().to_string()));
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("packs.rs"), out).unwrap();
}
