"""Texts of the site's monitoring page "Pengukuran Kinerja Triwulan"."""

TITLE = "Pengukuran Kinerja Triwulan"
PAGE_NAME = "pengukuran-kinerja-triwulan.md"
INTRO = (
    "Halaman pemantauan: capaian setiap indikator per triwulan tahun {year}, dihitung dari "
    "target dan realisasi triwulan di data/indikator.yaml. Halaman ini hanya ada di situs, "
    "tidak di PDF laporan."
)
CAP_INDICATORS = "Capaian indikator kinerja per triwulan tahun {year}"
CAP_BUDGET = "Realisasi anggaran per triwulan tahun {year} (kumulatif)"
COL_INDICATOR = "Indikator Kinerja"
COL_QUARTER = "Triwulan"
COL_TARGET = "Target"
COL_ACTUAL = "Realisasi"
COL_ACHIEVEMENT = "Capaian"
COL_CATEGORY = "Kategori"
COL_SUB = "Sub Kegiatan"
COL_CEILING = "Pagu"
COL_PLAN = "Target s.d. TW"
COL_SPENT = "Realisasi s.d. TW"
COL_ABSORPTION = "Serapan (dari pagu)"
COL_AGAINST_PLAN = "Realisasi dari target"
ROW_YEAR = "Tahun ({rule})"
RULES = {
    "terakhir": "nilai TW IV",
    "jumlah": "jumlah TW I-IV",
    "rata_rata": "rata-rata TW I-IV",
}
NONE_QUARTERLY = "Indikator tanpa data triwulan (dinilai tahunan seperti biasa): {codes}."
NO_DATA = "Belum ada indikator yang memiliki data triwulan tahun {year}."
