//! The OpenAPI 3.1 description served at `/openapi.json`. Query parameters come from the same lists the
//! handlers check ([`crate::params`]); `tests/api.rs` calls every path and method listed here with each
//! parameter's example and checks the status and the required fields of the answer.

use crate::params::{self, Param};
use axum::Json;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// One operation: method, path, summary, query parameters, answer schema, statuses besides 200.
struct Op {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    params: &'static [&'static Param],
    /// Name of the answer's schema in `components.schemas`.
    answer: &'static str,
    errors: &'static [(u16, &'static str)],
}

const BAD: (u16, &str) = (400, "A parameter is unknown, repeated or malformed; the message names it.");
const MISSING: (u16, &str) = (404, "No such id.");

const OPS: &[Op] = &[
    Op { method: "get", path: "/api/health", summary: "Store backend, schema version and row counts.", params: &[], answer: "Health", errors: &[] },
    Op {
        method: "get",
        path: "/api/events",
        summary: "Merged events matching the filters, one page in the chosen order.",
        params: &params::EVENTS,
        answer: "EventsPage",
        errors: &[BAD],
    },
    Op {
        method: "get",
        path: "/api/events/{id}",
        summary: "One merged event with every mention: article, sentence, trigger, rule, date evidence.",
        params: &[],
        answer: "EventDetail",
        errors: &[BAD, MISSING],
    },
    Op {
        method: "get",
        path: "/api/articles",
        summary: "Articles containing the words `q` and reporting an event matching the other filters; newest first.",
        params: &params::ARTICLES,
        answer: "ArticlesPage",
        errors: &[BAD],
    },
    Op {
        method: "post",
        path: "/api/articles",
        summary: "Extract and store articles ({\"text\", \"id\", \"title\", \"published\", \"lang\", \"url\", \"source\"} or an \
                  array of them). Only when the server has an ingest token, sent as `Authorization: Bearer`.",
        params: &[],
        answer: "IngestReport",
        errors: &[
            (201, "Stored; the report counts what was added."),
            (400, "The body is not an article or a list of 1-1000 articles."),
            (401, "The bearer token is missing or wrong."),
            (403, "Ingestion is off (no --ingest-token)."),
            (413, "The body is too large."),
            (415, "The body is not application/json."),
        ],
    },
    Op {
        method: "get",
        path: "/api/articles/{id}",
        summary: "One article: its text and the spans of its entities, times, quotes (with speakers) and event triggers.",
        params: &[],
        answer: "Article",
        errors: &[BAD, MISSING],
    },
    Op {
        method: "get",
        path: "/api/actors",
        summary: "Actor codes with the distinct events they take part in (as source, as target), most first.",
        params: &params::ACTORS,
        answer: "Actors",
        errors: &[BAD],
    },
    Op {
        method: "get",
        path: "/api/network",
        summary: "Who acts on whom: source → target actor code pairs weighted by distinct events.",
        params: &params::NETWORK,
        answer: "Network",
        errors: &[BAD],
    },
    Op {
        method: "get",
        path: "/api/timeline",
        summary: "Dated events counted per day, month or year, PLOVER type and QuadClass.",
        params: &params::TIMELINE,
        answer: "Timeline",
        errors: &[BAD],
    },
    Op {
        method: "get",
        path: "/api/places",
        summary: "Places of events with their coordinates and event counts, busiest first.",
        params: &params::PLACES,
        answer: "Places",
        errors: &[BAD],
    },
    Op {
        method: "get",
        path: "/api/search",
        summary: "Full-text search: articles containing every word, and the newest events they report.",
        params: &params::SEARCH,
        answer: "Search",
        errors: &[BAD],
    },
];

fn obj(required: &[&str], props: Value) -> Value {
    json!({ "type": "object", "required": required, "properties": props })
}

fn list_of(schema: &str) -> Value {
    json!({ "type": "array", "items": { "$ref": format!("#/components/schemas/{schema}") } })
}

fn schemas() -> Value {
    let s = json!({ "type": "string" });
    let s_null = json!({ "type": ["string", "null"] });
    let i = json!({ "type": "integer" });
    let n = json!({ "type": "number" });
    let actor = obj(&["text", "code"], json!({ "text": s, "code": s, "country": s, "name": s }));
    let location = obj(
        &["name", "country", "lat", "lon", "kind"],
        json!({ "text": s, "name": s, "country": s, "lat": n, "lon": n, "geonames_id": i, "kind": s }),
    );
    let span = obj(&["text", "start", "end"], json!({ "text": s, "start": i, "end": i }));
    let merged = obj(
        &["id", "type", "cameo", "quad_class", "goldstein", "date", "source", "target", "location", "num_mentions", "num_articles"],
        json!({
            "id": i, "type": s, "mode": s, "cameo": s, "quad_class": i, "goldstein": n, "date": s_null,
            "date_precision": s_null, "source": list_of("Actor"), "target": list_of("Actor"),
            "location": { "oneOf": [{ "$ref": "#/components/schemas/Location" }, { "type": "null" }] },
            "num_mentions": i, "num_sources": i, "num_articles": i, "first_seen": s, "last_seen": s, "added_at": s,
            "source_url": s_null, "is_root": { "type": "boolean" }
        }),
    );
    let event = obj(
        &["type", "cameo", "quad_class", "source", "target", "sentence", "trigger", "rule", "date_evidence"],
        json!({
            "type": s, "cameo": s, "quad_class": i, "goldstein": n, "date": s_null, "modality": s,
            "source": list_of("Actor"), "target": list_of("Actor"),
            "sentence": obj(&["index", "start", "end"], json!({ "index": i, "start": i, "end": i })),
            "trigger": { "$ref": "#/components/schemas/Span" }, "rule": s, "date_evidence": { "type": "object" }
        }),
    );
    let mention = obj(
        &["id", "merged_id", "article_id", "event"],
        json!({ "id": i, "merged_id": i, "article_id": i, "article_ext_id": s, "title": s_null, "url": s_null,
                "published": s_null, "event": { "$ref": "#/components/schemas/Event" } }),
    );
    let summary = obj(
        &["id", "ext_id", "title", "published", "events"],
        json!({ "id": i, "ext_id": s, "title": s_null, "url": s_null, "source": s_null, "published": s_null, "lang": s_null, "events": i }),
    );
    let article = obj(
        &["id", "text", "result"],
        json!({
            "id": i, "hash": s, "ext_id": s, "title": s_null, "url": s_null, "source": s_null, "text": s,
            "result": obj(&["entities", "times", "quotes", "events"], json!({
                "entities": { "type": "array", "items": obj(&["text", "label", "start", "end"], json!({})) },
                "times": { "type": "array", "items": obj(&["text", "start", "end", "type", "value"], json!({})) },
                "quotes": { "type": "array", "items": obj(&["text", "start", "end", "direct", "speaker"], json!({})) },
                "events": list_of("Event")
            }))
        }),
    );
    let error = obj(&["error"], json!({ "error": obj(&["status", "message"], json!({ "status": i, "message": s })) }));
    json!({
        "Actor": actor, "Location": location, "Span": span, "MergedEvent": merged, "Event": event, "Mention": mention,
        "ArticleSummary": summary, "Article": article, "Error": error,
        "Health": obj(&["status", "backend", "ingest", "store"], json!({ "status": s, "backend": s, "ingest": { "type": "boolean" }, "store": { "type": "object" } })),
        "EventsPage": obj(&["events", "limit", "offset", "next_offset"], json!({ "events": list_of("MergedEvent"), "limit": i, "offset": i, "next_offset": { "type": ["integer", "null"] } })),
        "EventDetail": obj(&["event", "mentions"], json!({ "event": { "$ref": "#/components/schemas/MergedEvent" }, "mentions": list_of("Mention") })),
        "ArticlesPage": obj(&["articles", "limit", "offset"], json!({ "articles": list_of("ArticleSummary"), "limit": i, "offset": i })),
        "IngestReport": obj(&["articles", "duplicates", "events", "new_merged"], json!({ "articles": i, "duplicates": i, "events": i, "new_merged": i })),
        "Actors": obj(&["actors"], json!({ "actors": { "type": "array", "items": obj(&["code", "events", "as_source", "as_target"], json!({ "code": s, "country": s_null, "events": i, "as_source": i, "as_target": i })) } })),
        "Network": obj(&["links"], json!({ "links": { "type": "array", "items": obj(&["source", "target", "events"], json!({ "source": s, "target": s, "events": i })) } })),
        "Timeline": obj(&["grain", "buckets"], json!({ "grain": s, "buckets": { "type": "array", "items": obj(&["period", "type", "quad_class", "events"], json!({ "period": s, "type": s, "quad_class": i, "events": i })) } })),
        "Places": obj(&["places"], json!({ "places": { "type": "array", "items": obj(&["name", "country", "lat", "lon", "events"], json!({ "name": s, "country": s, "lat": n, "lon": n, "kind": s, "events": i })) } })),
        "Search": obj(&["articles", "events"], json!({ "articles": list_of("ArticleSummary"), "events": list_of("MergedEvent") })),
    })
}

fn parameter(p: &Param) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!(p.kind));
    if let Some(d) = p.default {
        schema.insert("default".into(), json!(d));
    }
    if let Some(m) = p.max {
        schema.insert("minimum".into(), json!(u64::from(p.name == "limit")));
        schema.insert("maximum".into(), json!(m));
    }
    json!({ "name": p.name, "in": "query", "required": p.required, "description": p.description, "schema": schema, "example": p.example })
}

fn operation(op: &Op) -> Value {
    let mut params: Vec<Value> = op.params.iter().map(|p| parameter(p)).collect();
    if op.path.contains("{id}") {
        params.push(json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 }, "example": 1 }));
    }
    let mut responses = Map::new();
    let answer = json!({ "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{}", op.answer) } } } });
    let mut ok = answer.clone();
    ok["description"] = json!("OK");
    responses.insert("200".into(), ok);
    for (code, why) in op.errors {
        let mut r = if *code < 300 { answer.clone() } else { json!({ "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }) };
        r["description"] = json!(why);
        responses.insert(code.to_string(), r);
    }
    responses.insert(
        "429".into(),
        json!({ "description": "Too many requests from this client; see Retry-After.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }),
    );
    let mut o = json!({ "summary": op.summary, "parameters": params, "responses": responses });
    if op.method == "post" {
        o["security"] = json!([{ "bearer": [] }]);
        o["requestBody"] = json!({ "required": true, "content": { "application/json": { "schema": { "oneOf": [{ "type": "object", "required": ["text"] }, { "type": "array", "items": { "type": "object", "required": ["text"] } }] } } } });
    }
    o
}

/// The document.
pub fn document() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut paths = Map::new();
        for op in OPS {
            let entry = paths.entry(op.path).or_insert_with(|| json!({}));
            entry[op.method] = operation(op);
        }
        json!({
            "openapi": "3.1.0",
            "info": {
                "title": "Warta API",
                "version": env!("CARGO_PKG_VERSION"),
                "description": "Events coded from news articles (PLOVER/CAMEO), with their evidence. Errors are {\"error\": {\"status\", \"message\"}}."
            },
            "paths": paths,
            "components": {
                "schemas": schemas(),
                "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } }
            }
        })
    })
}

pub async fn handler() -> Json<&'static Value> {
    Json(document())
}
