x = {
    "key": "definition",
    "string": "string",
    "number": "number",
    "boolean": "keyword",
    "null": * "keyword",
}
