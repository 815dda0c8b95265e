"""From ``data/*.yaml`` to a :class:`pipeline.model.report.Report`.

``read_documents`` parses and schema-checks every data file (problems, never exceptions);
``read_data`` adds every consistency rule: it is the one data gate, called by ``lkjip check``
and by ``load_report``, so the build, the release and every renderer refuse exactly what the
check rejects, in the same words; ``to_report`` turns schema-valid documents into the model;
``load_report`` reads through the gate and raises a :class:`DataError` listing the problems
when the data cannot be used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.data import schema
from pipeline.data.consistency import check_consistency
from pipeline.data.quarterly import check_quarters
from pipeline.data.yamlfile import YamlDocument, read_yaml
from pipeline.errors import Problem, UserError
from pipeline.messages import data as msg
from pipeline.model.achievement import Band, Polarity, Range, Scale, Target, ZeroRule
from pipeline.model.budget import Activity, Budget, Program, SubActivity
from pipeline.model.indicators import (
    Goal,
    Indicator,
    NationalStandard,
    Objective,
    Organisation,
    PerformanceAgreement,
    Person,
    Renstra,
)
from pipeline.model.quarters import Aggregation, Quarters, year_value
from pipeline.model.report import Report

DATA_DIR = "data"

Documents = dict[str, YamlDocument]


class DataError(UserError):
    """The data has problems; the message lists the first ones, ``problems`` all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = "\n".join(f"  {p}" for p in problems[:10])
        more = f"\n  ... (+{len(problems) - 10})" if len(problems) > 10 else ""
        super().__init__(f"{msg.DATA_INVALID.format(count=len(problems))}\n{shown}{more}")
        self.problems = problems


def read_documents(root: Path) -> tuple[Documents, list[Problem]]:
    """Parse and schema-check every data file of the project at ``root``."""
    docs: Documents = {}
    problems: list[Problem] = []
    for name in schema.FILES:
        doc, found = read_yaml(root / DATA_DIR / name, f"{DATA_DIR}/{name}")
        problems.extend(found)
        if doc is None:
            continue
        if not isinstance(doc.value, dict):
            problems.append(doc.problem((), msg.YAML_NOT_MAPPING))
            continue
        invalid = schema.validate(name, doc)
        problems.extend(invalid)
        if not invalid and not found:
            docs[name] = doc
    return docs, problems


def read_data(root: Path) -> tuple[Documents, list[Problem]]:
    """The data gate: every schema and consistency problem of ``data/`` (one list of rules,
    run by ``lkjip check`` and by everything that renders the data)."""
    docs, problems = read_documents(root)
    problems.extend(check_consistency(docs))
    problems.extend(check_quarters(docs, problems))  # one problem per line: after consistency
    return docs, problems


def load_report(root: Path) -> Report:
    """The report of the project at ``root``; :class:`DataError` when its data is unusable
    (anything ``lkjip check`` rejects in ``data/``)."""
    docs, problems = read_data(root)
    if problems:
        raise DataError(problems)
    return to_report(docs)


def _target(value: Any) -> Target:
    if isinstance(value, list):
        return Range(float(value[0]), float(value[1]))
    return float(value)


def _years(mapping: dict[str, Any], convert: Any) -> dict[int, Any]:
    return {int(year): (None if v is None else convert(v)) for year, v in mapping.items()}


def _digits(nip: str) -> str:
    return "".join(c for c in nip if c.isdigit())


def to_report(docs: Documents) -> Report:
    """Build the model from schema-valid documents (see :func:`read_documents`)."""
    org = docs["organisasi.yaml"].value
    renstra = docs["renstra.yaml"].value
    agreement = docs["perjanjian_kinerja.yaml"].value
    budget = docs["anggaran.yaml"].value
    return Report(
        year=org["tahun_laporan"],
        organisation=Organisation(
            name=org["instansi"]["nama"],
            short_name=org["instansi"]["singkatan"],
            regency=org["instansi"]["pemerintah_daerah"],
            address=org["instansi"]["alamat"],
            head=Person(
                name=org["pimpinan"]["nama"],
                nip=org["pimpinan"]["nip"],
                rank=org["pimpinan"]["pangkat"],
                position=org["pimpinan"]["jabatan"],
            ),
            signing_place=org["penandatanganan"]["tempat"],
            signing_date=org["penandatanganan"]["tanggal"],
            emblem=org["instansi"].get("lambang", ""),
            ranks={_digits(p["nip"]): p["pangkat"]
                   for p in [{"nip": org["pimpinan"]["nip"], "pangkat": org["pimpinan"]["pangkat"]},
                             *org.get("pangkat_pegawai", [])]},
        ),
        renstra=Renstra(
            start=renstra["periode"]["awal"],
            end=renstra["periode"]["akhir"],
            goals=tuple(Goal(t["kode"], t["uraian"]) for t in renstra["tujuan"]),
            objectives=tuple(
                Objective(s["kode"], t["kode"], s["uraian"])
                for t in renstra["tujuan"]
                for s in t["sasaran"]
            ),
        ),
        indicators=tuple(_indicator(i) for i in docs["indikator.yaml"].value["indikator"]),
        agreement=PerformanceAgreement(
            year=agreement["tahun"],
            indicator_codes=tuple(agreement["indikator"]),
            signed_place=agreement["ditandatangani"]["tempat"],
            signed_date=agreement["ditandatangani"]["tanggal"],
            counterpart=agreement["pihak_kedua"]["jabatan"],
            counterpart_name=agreement["pihak_kedua"]["nama"],
        ),
        budget=Budget(
            year=budget["tahun"],
            programs=tuple(_program(p) for p in budget["program"]),
        ),
        scale=Scale(tuple(
            Band(k["nama"], None if k["batas_bawah"] is None else float(k["batas_bawah"]))
            for k in docs["skala_capaian.yaml"].value["kategori"]
        )),
    )


def _indicator(i: dict[str, Any]) -> Indicator:
    standard = i.get("standar_nasional")
    return Indicator(
        code=i["kode"],
        objective=i["sasaran"],
        description=i["uraian"],
        unit=i["satuan"],
        polarity=Polarity(i["polaritas"]),
        targets=_years(i["target"], _target),
        actuals=_years(i["realisasi"], float),
        renstra_target=_target(i["target_renstra"]),
        data_source=i["sumber_data"],
        national_standard=(
            NationalStandard(_target(standard["nilai"]), standard["sumber"]) if standard else None
        ),
        formula=i.get("formula"),
        notes=i.get("catatan"),
        zero_rule=ZeroRule(i.get("aturan_target_nol", ZeroRule.NONE.value)),
        responsible=i.get("penanggung_jawab"),
        quarters={int(year): Quarters(*(_quarter_values(q.get(field))
                                        for field in ("target", "realisasi")))
                  for year, q in (i.get("triwulan") or {}).items()},
        aggregation=Aggregation(i.get("agregasi_triwulan", Aggregation.LAST.value)),
    )


def _quarter_values(values: list[Any] | None) -> tuple[float | None, ...]:
    padded = list(values or []) + [None] * (4 - len(values or []))
    return tuple(None if v is None else float(v) for v in padded)


def _spent(s: dict[str, Any]) -> float | None:
    """A sub kegiatan's realisasi: as written, else the sum of its quarters once all known."""
    if s["realisasi"] is not None:
        return float(s["realisasi"])
    if "realisasi_triwulan" in s:
        return year_value(_quarter_values(s["realisasi_triwulan"]), Aggregation.SUM)
    return None


def _program(p: dict[str, Any]) -> Program:
    return Program(
        code=p["kode"],
        name=p["nama"],
        activities=tuple(
            Activity(
                code=k["kode"],
                name=k["nama"],
                sub_activities=tuple(
                    SubActivity(
                        code=s["kode"],
                        name=s["nama"],
                        ceiling=float(s["pagu"]),
                        spent=_spent(s),
                        quarters=(_quarter_values(s["realisasi_triwulan"])
                                  if "realisasi_triwulan" in s else ()),
                        quarter_targets=(_quarter_values(s["target_triwulan"])
                                         if "target_triwulan" in s else ()),
                        objective=s.get("sasaran") or k.get("sasaran") or p.get("sasaran"),
                    )
                    for s in k["sub_kegiatan"]
                ),
            )
            for k in p["kegiatan"]
        ),
    )
