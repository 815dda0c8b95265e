"""A small hand-made report: every kind of indicator the macros must handle, numbers easy to
check by hand (independent of the illustrative data in data/). Shared by tests/macro and
tests/render."""

from __future__ import annotations

import pytest

from pipeline.model.achievement import DEFAULT_SCALE, Polarity, Range, ZeroRule
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
from pipeline.model.report import Report


def make_report() -> Report:
    indicators = (
        Indicator(
            code="IKU-01", objective="SS-1", description="Tingkat maturitas SPIP", unit="Level",
            polarity=Polarity.POSITIVE,
            targets={2024: 3.0, 2025: 3.2, 2026: 3.3}, actuals={2024: 3.05, 2025: 3.18},
            renstra_target=3.3, data_source="BPKP",
            national_standard=NationalStandard(3.0, "RPJMN"),
        ),
        Indicator(
            code="IKU-02", objective="SS-1", description="Nilai SAKIP", unit="Nilai",
            polarity=Polarity.POSITIVE,
            targets={2024: 62, 2025: Range(63, 66), 2026: 67},
            actuals={2024: 61.3, 2025: 64.21}, renstra_target=67, data_source="KemenPANRB",
        ),
        Indicator(
            code="IKU-05", objective="SS-2", description="Persentase temuan berulang", unit="%",
            polarity=Polarity.NEGATIVE,
            targets={2024: 12, 2025: 10, 2026: 8}, actuals={2024: 12.6, 2025: 8.5},
            renstra_target=8, data_source="Rekap temuan",
        ),
        Indicator(
            code="IKU-07", objective="SS-2", description="Kasus kerugian daerah", unit="Kasus",
            polarity=Polarity.NEGATIVE,
            targets={2024: 0, 2025: 0, 2026: 0}, actuals={2024: 0, 2025: 1},
            renstra_target=0, data_source="Register TP-TGR", zero_rule=ZeroRule.ZERO_IS_MET,
        ),
    )
    budget = Budget(2025, (
        Program("6.01.02", "Program Penyelenggaraan Pengawasan", (
            Activity("6.01.02.2.01", "Penyelenggaraan Pengawasan Internal", (
                SubActivity("6.01.02.2.01.0001", "Pengawasan Kinerja", 400_000_000,
                            380_000_000, "SS-1"),
                SubActivity("6.01.02.2.01.0002", "Pengawasan Keuangan", 600_000_000,
                            594_000_000, "SS-2"),
            )),
        )),
        Program("6.01.01", "Program Penunjang", (
            Activity("6.01.01.2.02", "Administrasi Keuangan", (
                SubActivity("6.01.01.2.02.0001", "Gaji dan Tunjangan", 1_000_000_000,
                            950_000_000, None),
            )),
        )),
    ))
    return Report(
        year=2025,
        organisation=Organisation(
            name="Inspektorat Kabupaten Landak", short_name="Inspektorat",
            regency="Pemerintah Kabupaten Landak", address="Ngabang",
            head=Person("Drs. Antonius Rinjani, M.Si.", "19700512 199803 1 007",
                        "Pembina Utama Muda (IV/c)", "Inspektur Kabupaten Landak"),
            signing_place="Ngabang", signing_date="2026-02-20",
        ),
        renstra=Renstra(2021, 2026, (Goal("T-1", "Tata kelola yang bersih"),), (
            Objective("SS-1", "T-1", "Meningkatnya kualitas SPIP"),
            Objective("SS-2", "T-1", "Meningkatnya efektivitas pengawasan"),
        )),
        indicators=indicators,
        agreement=PerformanceAgreement(2025, ("IKU-01", "IKU-02", "IKU-05", "IKU-07"),
                                       "Ngabang", "2025-01-31"),
        budget=budget,
        scale=DEFAULT_SCALE,
    )


@pytest.fixture(scope="session")
def report() -> Report:
    return make_report()
