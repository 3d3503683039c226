"""Make N information pages for the search benchmark: half Indonesian originals, half their
English translations, with realistic text about the office's services, bulk-inserted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench \\
        .venv/bin/python bench/search/generate.py --pages 20000

Pages go under a section "Arsip panduan" / "Guide archive" (slug bench-search) of each
language's home page. Running again tops the section up to --pages; nothing is deleted.
The pages are indexed in the configured search backend at the end.
"""

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402
from wagtail.search.backends import get_search_backends  # noqa: E402

from core.demo import ensure_site, upsert_bilingual  # noqa: E402
from home.models import HomePage, StandardPage  # noqa: E402
from search.models import SynonymGroup  # noqa: E402

SECTION_SLUG = "bench-search"
CHUNK = 1000

# (Indonesian title, English title, Indonesian sentence, English sentence)
TOPICS = [
    (
        "Kartu pencari kerja (AK/I)",
        "Job-seeker card (AK/I)",
        "Kartu pencari kerja atau kartu kuning dibuat di loket Disnaker dengan membawa KTP, pas foto dan "
        "ijazah terakhir.",
        "The job-seeker card, the yellow card, is issued at the office counter with an identity card, a "
        "photo and the latest diploma.",
    ),
    (
        "Pelatihan las listrik",
        "Electric welding training",
        "Pelatihan las listrik berbasis kompetensi diselenggarakan di UPTD Balai Latihan Kerja tanpa biaya.",
        "Competency-based electric welding training is held at the vocational training centre free of "
        "charge.",
    ),
    (
        "Pelatihan menjahit",
        "Sewing training",
        "Peserta pelatihan menjahit belajar membuat pola, memotong kain dan menjahit pakaian jadi.",
        "Sewing trainees learn to draw patterns, cut fabric and sew finished garments.",
    ),
    (
        "Lowongan kerja",
        "Job vacancies",
        "Informasi lowongan kerja dari perusahaan di Palembang diperbarui setiap minggu melalui Karirhub.",
        "Vacancies from companies in Palembang are updated every week through Karirhub.",
    ),
    (
        "Bursa kerja",
        "Job fair",
        "Bursa kerja mempertemukan pencari kerja dengan perusahaan yang membuka lowongan.",
        "The job fair brings job seekers together with companies that are hiring.",
    ),
    (
        "Pelaporan pemutusan hubungan kerja (PHK)",
        "Reporting layoffs",
        "Perusahaan wajib melaporkan pemutusan hubungan kerja kepada dinas dan membayar pesangon sesuai "
        "peraturan.",
        "Companies must report layoffs to the office and pay severance as the regulations require.",
    ),
    (
        "Wajib lapor ketenagakerjaan (WLKP)",
        "Company manpower reporting (WLKP)",
        "Setiap perusahaan melaporkan data ketenagakerjaan secara daring melalui sistem WLKP nasional.",
        "Every company reports its manpower data online through the national WLKP system.",
    ),
    (
        "Pengesahan peraturan perusahaan",
        "Approval of company regulations",
        "Peraturan perusahaan disahkan oleh dinas setelah memuat hak dan kewajiban pekerja dan pengusaha.",
        "Company regulations are approved once they set out the rights and duties of workers and employers.",
    ),
    (
        "Pencatatan perjanjian kerja waktu tertentu (PKWT)",
        "Recording fixed-term contracts (PKWT)",
        "Perjanjian kerja waktu tertentu dicatatkan paling lambat tujuh hari kerja sejak ditandatangani.",
        "Fixed-term employment contracts are recorded within seven working days of signing.",
    ),
    (
        "Mediasi perselisihan hubungan industrial",
        "Mediation of industrial disputes",
        "Mediator hubungan industrial membantu pekerja dan pengusaha mencapai perjanjian bersama.",
        "An industrial relations mediator helps workers and employers reach a joint agreement.",
    ),
    (
        "Pencatatan serikat pekerja",
        "Recording trade unions",
        "Serikat pekerja dan serikat buruh mencatatkan diri dengan anggaran dasar dan daftar pengurus.",
        "Trade unions register with their statutes and the list of their officers.",
    ),
    (
        "Rekomendasi calon pekerja migran Indonesia",
        "Recommendation for migrant worker candidates",
        "Calon pekerja migran Indonesia memerlukan rekomendasi dinas sebelum mengikuti proses penempatan.",
        "Indonesian migrant worker candidates need the office's recommendation before placement.",
    ),
    (
        "Izin lembaga pelatihan kerja (LPK)",
        "Licensing training institutions (LPK)",
        "Lembaga pelatihan kerja swasta wajib memiliki izin dan program pelatihan yang terakreditasi.",
        "Private training institutions must hold a licence and accredited training programmes.",
    ),
    (
        "BPJS Ketenagakerjaan",
        "Employment social security (BPJS)",
        "Pekerja berhak atas jaminan kecelakaan kerja, jaminan hari tua dan jaminan pensiun dari BPJS "
        "Ketenagakerjaan.",
        "Workers are entitled to work-accident, old-age and pension benefits from BPJS Ketenagakerjaan.",
    ),
    (
        "Upah minimum kota",
        "City minimum wage",
        "Upah minimum kota Palembang ditetapkan setiap tahun oleh gubernur atas usulan walikota.",
        "The Palembang minimum wage is set every year by the governor on the mayor's proposal.",
    ),
    (
        "Pengaduan ketenagakerjaan",
        "Labour complaints",
        "Pengaduan dapat disampaikan di loket, melalui SP4N-LAPOR! atau surat elektronik dinas.",
        "Complaints can be made at the counter, through SP4N-LAPOR! or by e-mail to the office.",
    ),
]
DISTRICTS = [
    "Ilir Barat I",
    "Ilir Timur I",
    "Seberang Ulu I",
    "Kemuning",
    "Sukarami",
    "Kalidoni",
    "Plaju",
    "Sako",
    "Alang-Alang Lebar",
    "Bukit Kecil",
    "Gandus",
    "Kertapati",
]
KINDS_ID = ["Panduan", "Tanya jawab", "Jadwal", "Persyaratan", "Prosedur", "Pengumuman"]
KINDS_EN = ["Guide", "Questions", "Schedule", "Requirements", "Procedure", "Announcement"]
FILLER_ID = [
    "Layanan ini gratis dan selesai dalam satu hari kerja.",
    "Bawa dokumen asli dan fotokopi saat datang ke kantor.",
    "Petugas akan memeriksa kelengkapan berkas sebelum diproses.",
    "Informasi lebih lanjut dapat ditanyakan melalui telepon atau WhatsApp dinas.",
    "Jam pelayanan Senin sampai Jumat pukul 08.00 sampai 15.00.",
    "Pendaftaran juga dapat dilakukan secara daring melalui SIAPkerja.",
]
FILLER_EN = [
    "The service is free and takes one working day.",
    "Bring the original documents and copies when you come to the office.",
    "Staff check that the file is complete before processing it.",
    "Ask the office by telephone or WhatsApp for more information.",
    "Service hours are Monday to Friday from 08.00 to 15.00.",
    "You can also register online through SIAPkerja.",
]
SYNONYMS = [
    "kartu kuning, ak/i, kartu pencari kerja, kartu ak1, yellow card, job-seeker card",
    "phk, pemutusan hubungan kerja, layoff, layoffs",
    "lowongan, lowongan kerja, loker, vacancy, vacancies",
    "las, pengelasan, welding",
]


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}


def page_texts(n, rng):
    topic = TOPICS[n % len(TOPICS)]
    district = DISTRICTS[(n // len(TOPICS)) % len(DISTRICTS)]
    kind = (n // (len(TOPICS) * len(DISTRICTS))) % len(KINDS_ID)
    year = 2020 + (n // 5) % 6
    fillers = rng.sample(range(len(FILLER_ID)), 3)
    id_title = f"{KINDS_ID[kind]}: {topic[0]} di Kecamatan {district} {year} ({n})"
    en_title = f"{KINDS_EN[kind]}: {topic[1]} in {district} district {year} ({n})"
    id_body = [paragraph(topic[2])] + [paragraph(FILLER_ID[i]) for i in fillers]
    en_body = [paragraph(topic[3])] + [paragraph(FILLER_EN[i]) for i in fillers]
    id_summary = f"{topic[2][:200]} Kecamatan {district}."
    en_summary = f"{topic[3][:200]} {district} district."
    return (id_title, id_summary, id_body), (en_title, en_summary, en_body)


def new_pages(parent, start, count, locale, texts, keys, content_type, now):
    """Page and StandardPage rows for ``count`` children of ``parent``, numbered from ``start``."""
    pages = []
    for offset in range(count):
        step = start + offset + 1
        title, summary, body = texts[offset]
        slug = f"panduan-{start + offset}" if locale.language_code == "id" else f"guide-{start + offset}"
        pages.append(
            StandardPage(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type=content_type,
                locale=locale,
                translation_key=keys[offset],
                summary=summary,
                body=body,
            )
        )
    return pages


def insert(pages):
    """Bulk insert of a multi-table model: the Page rows, then the StandardPage rows."""
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    ids = Page.objects._insert(pages, fields=base_fields, returning_fields=[Page._meta.pk])
    for page, (pk,) in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = pk
    StandardPage.objects._insert(pages, fields=StandardPage._meta.local_concrete_fields)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages in all, both languages together")
    parser.add_argument("--seed", type=int, default=44)
    args = parser.parse_args()

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    homes = ensure_site(
        HomePage,
        id_fields={"title": "Beranda Disnaker"},
        en_fields={"title": "Disnaker home", "slug": "home"},
    )
    section_id, section_en = upsert_bilingual(
        homes.id,
        StandardPage,
        SECTION_SLUG,
        {"title": "Arsip panduan", "summary": "Panduan layanan Disnaker.", "body": "[]"},
        {
            "title": "Guide archive",
            "slug": SECTION_SLUG,
            "summary": "Guides to the office's services.",
            "body": "[]",
        },
    )
    for terms in SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)

    existing = section_id.get_children().count()
    wanted = max(args.pages // 2 - existing, 0)
    locale_id, locale_en = Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en")
    content_type = ContentType.objects.get_for_model(StandardPage)
    rng = random.Random(args.seed + existing)  # noqa: S311 - sample text, not secrets
    now = timezone.now()
    created = []
    for chunk_start in range(existing, existing + wanted, CHUNK):
        count = min(CHUNK, existing + wanted - chunk_start)
        pairs = [page_texts(n, rng) for n in range(chunk_start, chunk_start + count)]
        keys = [uuid.uuid4() for _ in range(count)]
        with transaction.atomic():
            id_texts, en_texts = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
            id_pages = new_pages(section_id, chunk_start, count, locale_id, id_texts, keys, content_type, now)
            en_pages = new_pages(section_en, chunk_start, count, locale_en, en_texts, keys, content_type, now)
            insert(id_pages)
            insert(en_pages)
        created += [page.pk for page in id_pages + en_pages]
    Page.objects.filter(pk__in=[section_id.pk, section_en.pk]).update(numchild=existing + wanted)
    inserted = time.perf_counter()

    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(created), CHUNK):
            chunk = StandardPage.objects.filter(pk__in=created[start : start + CHUNK])
            backend.add_bulk(StandardPage, list(chunk))
    total = Page.objects.child_of(section_id).count() + Page.objects.child_of(section_en).count()
    print(
        f"{2 * wanted} pages created in {inserted - started:.1f} s, indexed in "
        f"{time.perf_counter() - inserted:.1f} s; {total} pages in the benchmark sections."
    )


if __name__ == "__main__":
    main()
