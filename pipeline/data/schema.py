"""JSON Schemas of the data files, and their violations as problems in Bahasa Indonesia.

Validation is jsonschema's; this module only says what each file must look like and turns a
``ValidationError`` into ``path:line: message`` using the line map of the YAML document.
"""

from __future__ import annotations

import math
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from pipeline.data.yamlfile import PathKey, YamlDocument
from pipeline.errors import Problem
from pipeline.messages import data as msg

NUMBER = {"type": "number"}
TEXT = {"type": "string", "minLength": 1}
CODE = {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9.\-]*$",
        "x-hint": "huruf, angka, titik atau tanda hubung"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "x-message": msg.DATE_SHAPE}
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2200}
TARGET = {
    "x-message": msg.TARGET_SHAPE,
    "anyOf": [
        NUMBER,
        {"type": "array", "items": NUMBER, "minItems": 2, "maxItems": 2},
    ],
}
ACTUAL = {"x-message": msg.ACTUAL_SHAPE, "anyOf": [NUMBER, {"type": "null"}]}
YEAR_KEYS = {"pattern": r"^\d{4}$", "x-message": "year-key"}
# Up to four quarterly values (triwulan I-IV), each a number or empty (not known yet).
QUARTER_VALUES = {"type": "array", "maxItems": 4, "x-message": msg.QUARTERS_SHAPE,
                  "items": {"anyOf": [NUMBER, {"type": "null"}]}}
QUARTERS = {"type": "object", "propertyNames": YEAR_KEYS,
            "additionalProperties": {
                "type": "object", "additionalProperties": False,
                "properties": {"target": QUARTER_VALUES, "realisasi": QUARTER_VALUES}}}
AGGREGATION = {"enum": ["terakhir", "jumlah", "rata_rata"]}


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


ORGANISATION = _object(
    ["tahun_laporan", "instansi", "pimpinan", "penandatanganan"],
    {
        "tahun_laporan": YEAR,
        "instansi": _object(
            ["nama", "singkatan", "pemerintah_daerah", "alamat"],
            {"nama": TEXT, "singkatan": TEXT, "pemerintah_daerah": TEXT, "alamat": TEXT,
             # the Pemda's emblem on the cover: an image file inside the content folder
             "lambang": {"type": "string",
                         "pattern": r"^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(svg|png|jpg)$",
                         "x-hint": "berkas gambar di dalam folder content/, "
                                   "misalnya \"gambar/lambang.svg\""}},
        ),
        "pimpinan": _object(
            ["nama", "nip", "pangkat", "jabatan"],
            {
                "nama": TEXT,
                "nip": {"type": "string", "pattern": r"^\d{8} ?\d{6} ?\d ?\d{3}$",
                        "x-hint": "18 angka, misalnya \"19700512 199803 1 007\""},
                "pangkat": TEXT,
                "jabatan": TEXT,
            },
        ),
        "penandatanganan": _object(["tempat", "tanggal"], {"tempat": TEXT, "tanggal": DATE}),
        # pangkat/golongan of the people on the lembar pengesahan (by NIP; the head's is above)
        "pangkat_pegawai": {"type": "array", "items": _object(
            ["nip", "pangkat"],
            {"nip": {"type": "string", "pattern": r"^\d{8} ?\d{6} ?\d ?\d{3}$"},
             "pangkat": TEXT})},
    },
)

RENSTRA = _object(
    ["periode", "tujuan"],
    {
        "periode": _object(["awal", "akhir"], {"awal": YEAR, "akhir": YEAR}),
        "tujuan": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                ["kode", "uraian", "sasaran"],
                {
                    "kode": CODE,
                    "uraian": TEXT,
                    "sasaran": {
                        "type": "array",
                        "minItems": 1,
                        "items": _object(["kode", "uraian"], {"kode": CODE, "uraian": TEXT}),
                    },
                },
            ),
        },
    },
)

INDICATORS = _object(
    ["indikator"],
    {
        "indikator": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                ["kode", "sasaran", "uraian", "satuan", "polaritas", "target", "realisasi",
                 "target_renstra", "sumber_data"],
                {
                    "kode": CODE,
                    "sasaran": CODE,
                    "uraian": TEXT,
                    "satuan": TEXT,
                    "polaritas": {"enum": ["positif", "negatif"]},
                    "target": {"type": "object", "propertyNames": YEAR_KEYS,
                               "additionalProperties": TARGET},
                    "realisasi": {"type": "object", "propertyNames": YEAR_KEYS,
                                  "additionalProperties": ACTUAL},
                    "target_renstra": TARGET,
                    "standar_nasional": _object(["nilai", "sumber"],
                                                {"nilai": TARGET, "sumber": TEXT}),
                    "formula": TEXT,
                    "catatan": TEXT,
                    "aturan_target_nol": {"enum": ["tidak_ada", "nol_tercapai"]},
                    "sumber_data": TEXT,
                    "penanggung_jawab": TEXT,
                    "triwulan": QUARTERS,
                    "agregasi_triwulan": AGGREGATION,
                },
            ) | {"dependentRequired": {"triwulan": ["agregasi_triwulan"]}},
        }
    },
)

AGREEMENT = _object(
    ["tahun", "ditandatangani", "pihak_kedua", "indikator"],
    {
        "tahun": YEAR,
        "ditandatangani": _object(["tempat", "tanggal"], {"tempat": TEXT, "tanggal": DATE}),
        "pihak_kedua": _object(["jabatan", "nama"], {"jabatan": TEXT, "nama": TEXT}),
        "indikator": {"type": "array", "minItems": 1, "items": CODE},
    },
)

_SUB_ACTIVITY = _object(
    ["kode", "nama", "pagu", "realisasi"],
    {
        "kode": CODE,
        "nama": TEXT,
        "sasaran": CODE,
        "pagu": {"type": "number", "exclusiveMinimum": 0},
        "realisasi": {"x-message": msg.ACTUAL_SHAPE,
                      "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}]},
        "penanggung_jawab": TEXT,
        "realisasi_triwulan": QUARTER_VALUES,
        "target_triwulan": QUARTER_VALUES,
    },
)
_ACTIVITY = _object(
    ["kode", "nama", "sub_kegiatan"],
    {"kode": CODE, "nama": TEXT, "sasaran": CODE,
     "sub_kegiatan": {"type": "array", "minItems": 1, "items": _SUB_ACTIVITY}},
)
BUDGET = _object(
    ["tahun", "program"],
    {
        "tahun": YEAR,
        "program": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                ["kode", "nama", "kegiatan"],
                {"kode": CODE, "nama": TEXT, "sasaran": CODE,
                 "kegiatan": {"type": "array", "minItems": 1, "items": _ACTIVITY}},
            ),
        },
    },
)

SCALE = _object(
    ["kategori"],
    {
        "kategori": {
            "type": "array",
            "minItems": 1,
            "items": _object(
                ["nama", "batas_bawah"],
                {"nama": TEXT, "batas_bawah": {"anyOf": [NUMBER, {"type": "null"}]}},
            ),
        }
    },
)

# The data files of a project and the schema of each.
FILES: dict[str, dict[str, Any]] = {
    "organisasi.yaml": ORGANISATION,
    "renstra.yaml": RENSTRA,
    "indikator.yaml": INDICATORS,
    "perjanjian_kinerja.yaml": AGREEMENT,
    "anggaran.yaml": BUDGET,
    "skala_capaian.yaml": SCALE,
}

_VALIDATORS = {
    name: jsonschema.Draft202012Validator(schema) for name, schema in FILES.items()
}


MAX_NUMBER = 1e15  # more than any budget in rupiah; larger is a typo (and overflows float)


def validate(name: str, doc: YamlDocument) -> list[Problem]:
    """Every schema violation of data file ``name`` as a problem at its line.

    JSON Schema cannot say "a finite number", so ``.nan``, ``.inf`` and absurdly large
    numbers are found by a walk over the values (a NaN would print as "nan" in the report).
    """
    errors = sorted(_VALIDATORS[name].iter_errors(doc.value),
                    key=lambda e: list(map(str, e.absolute_path)))
    problems = []
    for error in errors:
        key = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # One problem per unknown key, at the key's own line (not at its mapping).
            allowed = sorted(error.schema.get("properties", {}))
            where = f" di '{'.'.join(map(str, key))}'" if key else ""
            for extra in sorted(set(error.instance) - set(allowed)):
                problems.append(doc.problem(key + (extra,), msg.SCHEMA_ADDITIONAL.format(
                    name=extra, where=where, allowed=", ".join(allowed))))
            continue
        problems.append(doc.problem(key, _message(error)))
    problems.extend(doc.problem(key, message) for key, message in _unreasonable(doc.value, ()))
    return problems


def _unreasonable(value: Any, key: PathKey) -> list[tuple[PathKey, str]]:
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _unreasonable(v, key + (k,))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _unreasonable(v, key + (i,))]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return []
    field = ".".join(map(str, key)) or "(berkas)"
    if isinstance(value, float) and not math.isfinite(value):
        return [(key, msg.NOT_FINITE.format(field=field, value=value))]
    if abs(value) > MAX_NUMBER:
        return [(key, msg.TOO_BIG.format(field=field, value=value))]
    return []


def _message(error: ValidationError) -> str:
    path = [str(p) for p in error.absolute_path]
    field = ".".join(path) or "(berkas)"
    value = _show(error.instance)
    schema = error.schema if isinstance(error.schema, dict) else {}
    validator = error.validator
    if schema.get("x-message") == "year-key":
        return msg.SCHEMA_YEAR_KEY.format(value=error.instance)
    if "x-message" in schema:
        return f"'{field}' {schema['x-message']}"
    where = f" di '{field}'" if path else ""
    if validator == "dependentRequired":
        return msg.SCHEMA_DEPENDENT.format(field=field, needs=", ".join(
            n for names in error.validator_value.values() for n in names))
    if validator == "required":
        missing = [r for r in error.validator_value if r not in error.instance]
        return msg.SCHEMA_REQUIRED.format(name=missing[0] if missing else "?", where=where)
    if validator == "type":
        expected = error.validator_value
        types = expected if isinstance(expected, list) else [expected]
        names = [msg.TYPE_NAMES.get(t, t) for t in types]
        return msg.SCHEMA_TYPE.format(field=field, value=value, expected=" atau ".join(names))
    if validator == "enum":
        return msg.SCHEMA_ENUM.format(field=field, value=value,
                                      choices=", ".join(map(str, error.validator_value)))
    if validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        return msg.SCHEMA_ADDITIONAL.format(name=extra[0] if extra else "?", where=where,
                                            allowed=", ".join(allowed))
    if validator in ("minimum", "maximum"):
        return msg.SCHEMA_MINIMUM.format(field=field, value=value, limit=error.validator_value) \
            if validator == "minimum" else msg.SCHEMA_OTHER.format(
                field=field, detail=f"paling besar {error.validator_value}")
    if validator == "exclusiveMinimum":
        return msg.SCHEMA_EXCLUSIVE_MINIMUM.format(field=field, value=value,
                                                   limit=error.validator_value)
    if validator == "pattern":
        return msg.SCHEMA_PATTERN.format(field=field, value=value,
                                         hint=schema.get("x-hint", error.validator_value))
    if validator in ("minItems", "minLength"):
        if validator == "minItems":
            return msg.SCHEMA_MIN_ITEMS.format(field=field, limit=error.validator_value)
        return msg.SCHEMA_OTHER.format(field=field, detail="tidak boleh kosong")
    return msg.SCHEMA_OTHER.format(field=field, detail=error.message)


def _show(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict | list):
        return "pemetaan" if isinstance(value, dict) else "daftar"
    return str(value)
