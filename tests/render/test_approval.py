"""The lembar pengesahan template: autoescaped values, the signature box only with a signatory."""

from pipeline.render.approval import SIGNATURE_BOX, ApprovalRow, approval_sheet


def _row(name: str) -> ApprovalRow:
    return ApprovalRow("8", "Tanda tangan", "Inspektur", name, "197407052006041007",
                       "01-01-2026 10:00 WIB")


def test_values_are_text_never_markup() -> None:
    row = _row('<script>alert(1)</script> & "X"')
    html = approval_sheet([row], "a" * 40, "b" * 40, "2025/<1>", row)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "2025/&lt;1&gt;" in html


def test_signature_box_with_a_signatory_only() -> None:
    row = _row("HERI ADIWIJAYA, SE")
    signed = approval_sheet([row], "a" * 40, "b" * 40, "2025/1", row)
    assert f'id="{SIGNATURE_BOX.id}"' in signed and f"width: {SIGNATURE_BOX.width_mm}mm" in signed
    assert "Mengesahkan," in signed and "NIP 19740705 200604 1 007" in signed
    plain = approval_sheet([row], "a" * 40, "b" * 40, "2025/1")
    assert SIGNATURE_BOX.id not in plain and "LEMBAR PENGESAHAN" in plain


def test_nip_spaced_rank_under_the_name_hashes_on_their_own_lines() -> None:
    row = ApprovalRow("8", "Tanda tangan", "Inspektur", "HERI ADIWIJAYA, SE", "197407052006041007",
                      "3 Desember 2026, pukul 10.00 WIB", "Pembina Tingkat I (IV/b)")
    html = approval_sheet([row], "a" * 40, "b" * 40, "2025/1", row)
    assert html.count("19740705 200604 1 007") == 2  # the table and the signature block
    assert "HERI ADIWIJAYA, SE<br><span class=\"rank\">Pembina Tingkat I (IV/b)</span>" in html
    assert "3 Desember 2026, pukul 10.00 WIB" in html
    # Each hash alone in a monospaced span of its own line, never in a justified sentence.
    assert f"<code style=\"font-size: 8.5pt\">{'a' * 40}</code></p>" in html
    assert f"<code style=\"font-size: 8.5pt\">{'b' * 40}</code></p>" in html
