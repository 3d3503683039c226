"""Demo content: the public consultations index with one open and one closed
consultation, and moderated comments on the open one.

Dates are counted from the day the demo is seeded (Palembang time), so one
consultation is always open and the other closed. Pages are found by slug and
comments by their text, so running the seed again changes only content.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from core.demo import stream, upsert_bilingual
from regulations.demo import minimal_pdf

from .models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from .services import jakarta_today

JOB_FAIR_SECTIONS = "\n".join(
    [
        "Bab I Ketentuan Umum",
        "Bab II Penyelenggara Bursa Kerja",
        "Bab III Kewajiban Pemberi Kerja",
        "Bab IV Perlindungan Pencari Kerja",
        "Bab V Pelaporan dan Pengawasan",
    ]
)

# (comment, section, status, name shown or "", organisation, public reply)
JOB_FAIR_COMMENTS = [
    (
        "Mohon diatur bahwa lowongan yang diumumkan di bursa kerja wajib mencantumkan kisaran gaji, "
        "agar pencari kerja tidak datang jauh-jauh untuk lowongan yang tidak sesuai.",
        "Bab III Kewajiban Pemberi Kerja",
        ConsultationComment.APPROVED,
        "",
        "",
        "Terima kasih. Ketentuan kisaran upah akan ditambahkan pada Pasal 9 ayat (2) rancangan.",
    ),
    (
        "Lokasi bursa kerja sebaiknya mudah dijangkau kursi roda dan menyediakan juru bahasa isyarat.",
        "Bab IV Perlindungan Pencari Kerja",
        ConsultationComment.APPROVED,
        "Rahmat Hidayat",
        "Persatuan Penyandang Disabilitas Indonesia Kota Palembang",
        "",
    ),
    (
        "Perusahaan kecil keberatan jika biaya stan dibebankan sepenuhnya kepada pemberi kerja.",
        "Bab II Penyelenggara Bursa Kerja",
        ConsultationComment.PENDING,
        "",
        "Asosiasi Pengusaha Kecil Palembang",
        "",
    ),
]


def _draft_pdf(title, lines):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        slug = "-".join(title.lower().split()[:6])
        document.file.save(f"{slug}.pdf", ContentFile(minimal_pdf(lines)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def seed(homes):
    today = jakarta_today()
    index_id, _index_en = upsert_bilingual(
        homes.id,
        ConsultationIndexPage,
        "konsultasi-publik",
        {
            "title": "Konsultasi Publik",
            "intro": "Rancangan peraturan dan kebijakan Disnaker Kota Palembang yang terbuka untuk masukan masyarakat.",
            "search_description": "Konsultasi publik atas rancangan peraturan dan kebijakan ketenagakerjaan.",
        },
        {
            "title": "Public consultations",
            "slug": "public-consultations",
            "intro": "Draft regulations and policies of the Palembang Manpower Office open for public comment.",
            "search_description": "Public consultations on draft employment regulations and policies.",
        },
        show_in_menus=True,
    )
    open_id, _open_en = _seed_job_fair_draft(index_id, today)
    _seed_service_standard_draft(index_id, today)
    _seed_comments(open_id)
    return index_id


def _division(code):
    """The Indonesian division with ``code`` (offices.demo), or None when it is not there."""
    from offices.models import Division

    return Division.objects.filter(code=code, locale__language_code="id").first()


def _seed_job_fair_draft(index, today):
    title_id = "Rancangan Peraturan Wali Kota tentang Penyelenggaraan Bursa Kerja"
    document = _draft_pdf(
        "Rancangan Perwali Penyelenggaraan Bursa Kerja",
        [
            "RANCANGAN PERATURAN WALI KOTA PALEMBANG",
            "tentang",
            "PENYELENGGARAAN BURSA KERJA",
            "",
            "Draf untuk konsultasi publik - belum berlaku.",
        ],
    )
    return upsert_bilingual(
        index,
        ConsultationPage,
        "rancangan-perwali-bursa-kerja",
        {
            "title": title_id,
            "summary": "Aturan tentang siapa yang boleh menyelenggarakan bursa kerja di Palembang, kewajiban "
            "pemberi kerja peserta, dan perlindungan pencari kerja.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Bursa kerja (job fair) diselenggarakan oleh Disnaker, perguruan tinggi, sekolah dan "
                    "swasta. Rancangan ini menyamakan aturannya: pendaftaran penyelenggara, lowongan yang nyata "
                    "dan terverifikasi, larangan memungut biaya dari pencari kerja, dan laporan hasil penempatan.</p>"
                    "<p>Rancangan disusun sebagai pelaksanaan Peraturan Wali Kota Nomor 44 Tahun 2016 tentang "
                    "pengembangan pelayanan ketenagakerjaan secara daring.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Cara memberi masukan",
                        "text": "<p>Baca draf, lalu kirim masukan melalui formulir di bawah. Masukan ditampilkan "
                        "setelah dibaca moderator; nama hanya ditampilkan bila Anda memintanya.</p>",
                    },
                ),
            ),
            "draft_sections": JOB_FAIR_SECTIONS,
        },
        {
            "title": "Draft mayoral regulation on organising job fairs",
            "slug": "draft-regulation-job-fairs",
            "summary": "Rules on who may organise a job fair in Palembang, the duties of participating employers, "
            "and the protection of job seekers.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Job fairs are run by the office, universities, schools and private organisers. This draft "
                    "gives them one set of rules: registration of organisers, real and verified vacancies, no fees "
                    "charged to job seekers, and a report on placements.</p>",
                ),
            ),
            "draft_sections": JOB_FAIR_SECTIONS,
        },
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=20),
        draft_document=document,
        division=_division("penempatan"),
    )


def _seed_service_standard_draft(index, today):
    document = _draft_pdf(
        "Rancangan Standar Pelayanan Kartu AK/I",
        [
            "RANCANGAN STANDAR PELAYANAN",
            "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I)",
            "",
            "Draf untuk konsultasi publik.",
        ],
    )
    return upsert_bilingual(
        index,
        ConsultationPage,
        "rancangan-standar-pelayanan-kartu-ak1",
        {
            "title": "Rancangan Standar Pelayanan Kartu Pencari Kerja (AK/I)",
            "summary": "Persyaratan, prosedur, waktu dan biaya penerbitan kartu kuning yang diusulkan.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Sesuai Undang-Undang Nomor 25 Tahun 2009 dan Permenpan RB Nomor 15 Tahun 2014, standar "
                    "pelayanan disusun bersama masyarakat. Draf ini mengusulkan penerbitan kartu AK/I paling "
                    "lama 15 menit, tanpa biaya, melalui SIAPkerja.</p>",
                ),
            ),
            "responses_summary": "<p>Kami menerima 37 masukan. Sebagian besar meminta layanan tanpa datang ke "
            "kantor; karena itu kartu kini dapat dicetak sendiri dari SIAPkerja. Permintaan agar pas foto tidak "
            "lagi diwajibkan belum dapat dipenuhi karena diatur secara nasional.</p>",
        },
        {
            "title": "Draft service standard for the job-seeker card (AK/I)",
            "slug": "draft-service-standard-job-seeker-card",
            "summary": "The proposed requirements, procedure, time and cost of issuing the yellow card.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Under Law 25/2009 and Minister of Administrative Reform Regulation 15/2014, service "
                    "standards are drawn up with the public. This draft proposed issuing the AK/I card within "
                    "15 minutes, free of charge, through SIAPkerja.</p>",
                ),
            ),
            "responses_summary": "<p>We received 37 comments. Most asked for a service without visiting the "
            "office, so the card can now be printed from SIAPkerja. The request to drop the photo could not be "
            "met, as it is set nationally.</p>",
        },
        opens_on=today - datetime.timedelta(days=90),
        closes_on=today - datetime.timedelta(days=45),
        draft_document=document,
    )


def _seed_comments(consultation):
    for text, section, status, name, organisation, reply in JOB_FAIR_COMMENTS:
        ConsultationComment.objects.update_or_create(
            consultation=consultation,
            comment=text,
            defaults={
                "section": section,
                "status": status,
                "name": name,
                "show_name": bool(name),
                "organisation": organisation,
                "reply": reply,
                "language": "id",
            },
        )
