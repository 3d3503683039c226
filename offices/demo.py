"""Demo content of the offices app: the five divisions, the office profile and
the directory of public access points (Mayor Regulation 44/2016, Article 5(1)c)."""

import json

from wagtail.models import Locale

from core.demo import stream, upsert_bilingual

from .choices import (
    COMMUNITY_CENTRE,
    INTERNET_KIOSK,
    OFFICE_COUNTER,
    PUBLIC_SERVICE_MALL,
    TRAINING_CENTRE,
)
from .models import AccessPointIndexPage, AccessPointPage, Division, OfficePage

# (code, Indonesian fields, English fields), in the order of the organisation chart.
DIVISIONS = [
    (
        "sekretariat",
        {
            "name": "Sekretariat",
            "short_name": "Sekretariat",
            "head_title": "Sekretaris",
            "responsibilities": "<ul><li>Urusan umum, kepegawaian dan rumah tangga dinas</li>"
            "<li>Keuangan dan pengelolaan aset</li>"
            "<li>Penyusunan program, evaluasi dan pelaporan kinerja</li>"
            "<li>Layanan informasi publik (PPID pelaksana) dan penanganan pengaduan</li></ul>",
        },
        {
            "name": "Secretariat",
            "short_name": "Secretariat",
            "head_title": "Secretary",
            "responsibilities": "<ul><li>General affairs, staff and office management</li>"
            "<li>Finance and asset management</li>"
            "<li>Programme planning, evaluation and performance reporting</li>"
            "<li>Public information requests (PPID) and complaint handling</li></ul>",
        },
    ),
    (
        "perencanaan",
        {
            "name": "Bidang Perencanaan dan Pengembangan Ketenagakerjaan",
            "short_name": "Perencanaan",
            "head_title": "Kepala Bidang",
            "responsibilities": "<ul><li>Rencana tenaga kerja daerah dan informasi pasar kerja</li>"
            "<li>Rencana induk pelayanan publik ketenagakerjaan berbasis online (Perwali 44/2016 Pasal 6)</li>"
            "<li>Pengelolaan situs web, jaringan, server dan keamanan sistem informasi (Pasal 7)</li>"
            "<li>Pembinaan titik layanan publik: balai warga dan kios internet</li></ul>",
        },
        {
            "name": "Manpower Planning and Development Division",
            "short_name": "Planning",
            "head_title": "Head of Division",
            "responsibilities": "<ul><li>The city's manpower plan and labour market information</li>"
            "<li>The master plan for online public employment services (Mayor Regulation 44/2016, Article 6)</li>"
            "<li>The website, network, servers and information security (Article 7)</li>"
            "<li>Public access points: community centres and internet kiosks</li></ul>",
        },
    ),
    (
        "penempatan",
        {
            "name": "Bidang Penempatan dan Perluasan Kesempatan Kerja",
            "short_name": "Penempatan",
            "head_title": "Kepala Bidang",
            "responsibilities": "<ul><li>Kartu tanda bukti pendaftaran pencari kerja (AK/I)</li>"
            "<li>Informasi lowongan dan bursa kerja (job fair)</li>"
            "<li>Bursa Kerja Khusus di sekolah dan lembaga penempatan tenaga kerja swasta</li>"
            "<li>Rekomendasi calon Pekerja Migran Indonesia</li>"
            "<li>Perluasan kesempatan kerja: kewirausahaan dan padat karya</li></ul>",
        },
        {
            "name": "Placement and Employment Expansion Division",
            "short_name": "Placement",
            "head_title": "Head of Division",
            "responsibilities": "<ul><li>Job-seeker cards (AK/I)</li>"
            "<li>Vacancy information and job fairs</li>"
            "<li>Special job exchanges at schools and private placement agencies</li>"
            "<li>Recommendations for migrant-worker candidates</li>"
            "<li>Employment expansion: entrepreneurship and labour-intensive programmes</li></ul>",
        },
    ),
    (
        "pelatihan",
        {
            "name": "Bidang Pelatihan dan Produktivitas",
            "short_name": "Pelatihan",
            "head_title": "Kepala Bidang",
            "responsibilities": "<ul><li>Pelatihan berbasis kompetensi di UPTD Balai Latihan Kerja dan "
            "Produktivitas (BLKP), unit pelaksana teknis bidang ini</li>"
            "<li>Pemagangan dan sertifikasi kompetensi</li>"
            "<li>Perizinan dan pembinaan Lembaga Pelatihan Kerja (LPK)</li>"
            "<li>Peningkatan produktivitas tenaga kerja dan perusahaan</li></ul>",
        },
        {
            "name": "Training and Productivity Division",
            "short_name": "Training",
            "head_title": "Head of Division",
            "responsibilities": "<ul><li>Competency-based training at the vocational training centre "
            "(UPTD BLKP), this division's technical unit</li>"
            "<li>Apprenticeships and competency certification</li>"
            "<li>Licensing and supervision of training institutions (LPK)</li>"
            "<li>Productivity of workers and companies</li></ul>",
        },
    ),
    (
        "hubungan-industrial",
        {
            "name": "Bidang Hubungan Industrial dan Jaminan Sosial",
            "short_name": "Hubungan Industrial",
            "head_title": "Kepala Bidang",
            "responsibilities": "<ul><li>Pengesahan Peraturan Perusahaan dan pendaftaran Perjanjian Kerja "
            "Bersama</li>"
            "<li>Pencatatan perjanjian kerja waktu tertentu (PKWT)</li>"
            "<li>Mediasi perselisihan hubungan industrial dan laporan PHK</li>"
            "<li>Pencatatan serikat pekerja/serikat buruh dan LKS Bipartit</li>"
            "<li>Pengupahan dan jaminan sosial tenaga kerja</li></ul>",
        },
        {
            "name": "Industrial Relations and Social Security Division",
            "short_name": "Industrial Relations",
            "head_title": "Head of Division",
            "responsibilities": "<ul><li>Approval of company regulations and registration of collective "
            "labour agreements</li>"
            "<li>Recording of fixed-term employment contracts (PKWT)</li>"
            "<li>Mediation of industrial disputes and reports of layoffs</li>"
            "<li>Recording of trade unions and bipartite bodies</li>"
            "<li>Wages and workers' social security</li></ul>",
        },
    ),
]


# Where a division's notices go (offices.services.notify_addresses). A reserved
# example domain, so that a demo site with real SMTP never mails a real office.
DEMO_EMAIL_DOMAIN = "disnaker-palembang.example"


def division_email(code):
    return f"{code}@{DEMO_EMAIL_DOMAIN}" if code == "sekretariat" else f"bidang-{code}@{DEMO_EMAIL_DOMAIN}"


def seed_divisions():
    """The divisions by code, each with its English translation; returns
    ``{code: (indonesian, english)}``."""
    locale_id = Locale.objects.get(language_code="id")
    locale_en = Locale.objects.get(language_code="en")
    divisions = {}
    for position, (code, id_fields, en_fields) in enumerate(DIVISIONS, start=1):
        division, _created = Division.objects.update_or_create(
            code=code,
            locale=locale_id,
            defaults={**id_fields, "sort_order": position * 10, "email": division_email(code)},
        )
        english = division.get_translation_or_none(locale_en) or division.copy_for_translation(locale_en)
        for name, value in en_fields.items():
            setattr(english, name, value)
        english.code, english.sort_order, english.email = division.code, division.sort_order, division.email
        english.save()
        divisions[code] = (division, english)
    return divisions


def _hours(*runs):
    return json.dumps(
        [
            {
                "type": "hours",
                "value": {"first_day": str(first), "last_day": str(last), "opens": opens, "closes": closes},
            }
            for first, last, opens, closes in runs
        ]
    )


def _items(*texts):
    return json.dumps([{"type": "item", "value": text} for text in texts])


PROFILE_ID = stream(
    ("heading", {"text": "Tugas pokok", "level": "h2"}),
    (
        "paragraph",
        "<p>Dinas Tenaga Kerja Kota Palembang melaksanakan urusan pemerintahan daerah di bidang "
        "ketenagakerjaan: perencanaan tenaga kerja, pelatihan dan produktivitas, penempatan tenaga kerja, "
        "hubungan industrial serta jaminan sosial tenaga kerja.</p>",
    ),
    ("heading", {"text": "Visi", "level": "h2"}),
    ("paragraph", "<p>Terwujudnya tenaga kerja Kota Palembang yang kompeten, produktif dan sejahtera.</p>"),
    ("heading", {"text": "Misi", "level": "h2"}),
    (
        "paragraph",
        "<ol><li>Meningkatkan kompetensi dan produktivitas tenaga kerja melalui pelatihan.</li>"
        "<li>Memperluas kesempatan kerja dan mempertemukan pencari kerja dengan pemberi kerja.</li>"
        "<li>Menciptakan hubungan industrial yang harmonis dan perlindungan bagi pekerja.</li>"
        "<li>Menyelenggarakan pelayanan publik ketenagakerjaan yang mudah dijangkau secara daring.</li></ol>",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Layanan daring",
            "text": "<p>Pengembangan layanan daring dinas berpedoman pada Peraturan Walikota Palembang Nomor 44 "
            "Tahun 2016; Bidang Perencanaan dan Pengembangan Ketenagakerjaan menyusun rencana induknya.</p>",
        },
    ),
)

PROFILE_EN = stream(
    ("heading", {"text": "Duties", "level": "h2"}),
    (
        "paragraph",
        "<p>The Manpower Office of the City of Palembang carries out the city's responsibilities for "
        "manpower: workforce planning, training and productivity, job placement, industrial relations and "
        "workers' social security.</p>",
    ),
    ("heading", {"text": "Vision", "level": "h2"}),
    ("paragraph", "<p>A competent, productive and prosperous workforce in Palembang.</p>"),
    ("heading", {"text": "Mission", "level": "h2"}),
    (
        "paragraph",
        "<ol><li>Raise workers' competence and productivity through training.</li>"
        "<li>Expand employment and bring job seekers and employers together.</li>"
        "<li>Foster harmonious industrial relations and protect workers.</li>"
        "<li>Provide public employment services that are easy to reach online.</li></ol>",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Online services",
            "text": "<p>The office develops its online services under Palembang Mayor Regulation No. 44 of "
            "2016; the Manpower Planning and Development Division writes their master plan.</p>",
        },
    ),
)

WEEKDAYS_8_TO_4 = (0, 3, "08:00:00", "16:00:00"), (4, 4, "08:00:00", "16:30:00")

# (slug, kind, district, latitude, longitude, division code, opening hours, Indonesian, English)
ACCESS_POINTS = [
    (
        "loket-pelayanan-kantor-disnaker",
        OFFICE_COUNTER,
        "bukit-kecil",
        "-2.990934",
        "104.756554",
        "sekretariat",
        _hours(*WEEKDAYS_8_TO_4),
        {
            "title": "Loket Pelayanan Terpadu Kantor Disnaker",
            "search_description": "Loket utama di kantor Dinas Tenaga Kerja Kota Palembang.",
            "address": "Kantor Dinas Tenaga Kerja Kota Palembang, Jl. Merdeka No. 1\nKelurahan 22 Ilir",
            "phone": "(0711) 352 301",
            "activities": _items(
                "Membuat dan memperpanjang kartu pencari kerja (AK/I)",
                "Menyerahkan berkas pengesahan Peraturan Perusahaan dan pendaftaran PKB",
                "Mencatatkan perjanjian kerja waktu tertentu (PKWT)",
                "Mengajukan permohonan mediasi perselisihan hubungan industrial",
                "Menyampaikan pengaduan, saran dan permohonan informasi publik",
            ),
            "accessibility": "Pintu masuk utama tanpa tangga dengan jalur landai. Loket di lantai dasar, "
            "kursi roda dan kursi tunggu tersedia. Antrean prioritas untuk penyandang disabilitas, lansia dan "
            "ibu hamil.",
        },
        {
            "title": "Main service counter at the office",
            "slug": "main-service-counter",
            "search_description": "The main counter at the Manpower Office of the City of Palembang.",
            "address": "Manpower Office of the City of Palembang, Jl. Merdeka No. 1\nKelurahan 22 Ilir",
            "activities": _items(
                "Get or renew a job-seeker card (AK/I)",
                "Hand in company regulations for approval and collective agreements for registration",
                "Record fixed-term employment contracts (PKWT)",
                "Ask for mediation of an industrial dispute",
                "Make a complaint, a suggestion or a request for public information",
            ),
            "accessibility": "Step-free main entrance with a ramp. Counters on the ground floor; wheelchair "
            "and waiting seats available. Priority queue for people with disabilities, older people and "
            "pregnant women.",
        },
    ),
    (
        "uptd-blkp",
        TRAINING_CENTRE,
        "kalidoni",
        "-2.962300",
        "104.793100",
        "pelatihan",
        _hours((0, 4, "07:30:00", "16:00:00")),
        {
            "title": "UPTD Balai Latihan Kerja dan Produktivitas (BLKP)",
            "search_description": "Pusat pelatihan berbasis kompetensi milik Disnaker Kota Palembang.",
            "address": "Jl. Mayor Zen\nKelurahan Sei Selincah",
            "phone": "(0711) 712 540",
            "activities": _items(
                "Mendaftar pelatihan berbasis kompetensi tanpa biaya",
                "Mengikuti tes seleksi dan wawancara peserta pelatihan",
                "Mengikuti uji kompetensi dan mengambil sertifikat",
                "Berkonsultasi tentang pemagangan dan Lembaga Pelatihan Kerja",
            ),
            "accessibility": "Jalur landai di pintu masuk gedung administrasi; bengkel pelatihan di lantai "
            "dasar. Toilet untuk pengguna kursi roda di gedung administrasi.",
        },
        {
            "title": "Vocational training centre (UPTD BLKP)",
            "slug": "vocational-training-centre",
            "search_description": "The office's centre for competency-based training.",
            "address": "Jl. Mayor Zen\nKelurahan Sei Selincah",
            "activities": _items(
                "Register for free competency-based training",
                "Take the selection test and interview for training",
                "Take a competency test and collect your certificate",
                "Ask about apprenticeships and training institutions",
            ),
            "accessibility": "Ramp at the entrance of the administration building; workshops on the ground "
            "floor. Wheelchair-accessible toilet in the administration building.",
        },
    ),
    (
        "loket-mal-pelayanan-publik",
        PUBLIC_SERVICE_MALL,
        "bukit-kecil",
        "-2.987600",
        "104.753900",
        "penempatan",
        _hours((0, 4, "08:00:00", "15:00:00"), (5, 5, "08:00:00", "12:00:00")),
        {
            "title": "Loket Disnaker di Mal Pelayanan Publik Palembang",
            "search_description": "Layanan ketenagakerjaan di Mal Pelayanan Publik Kota Palembang.",
            "address": "Mal Pelayanan Publik Kota Palembang, Lantai 1\nJl. Merdeka No. 9, Kelurahan Talang Semut",
            "phone": "(0711) 352 310",
            "activities": _items(
                "Membuat kartu pencari kerja (AK/I)",
                "Mendapatkan informasi lowongan dan bursa kerja",
                "Berkonsultasi tentang wajib lapor ketenagakerjaan perusahaan (WLKP)",
            ),
            "accessibility": "Lift dan jalur landai dari tempat parkir; loket Disnaker di lantai 1 dekat "
            "pintu masuk. Antrean prioritas tersedia.",
        },
        {
            "title": "Counter at the Palembang Public Service Mall",
            "slug": "public-service-mall-counter",
            "search_description": "Employment services at Palembang's Public Service Mall (Mal Pelayanan Publik).",
            "address": "Palembang Public Service Mall (Mal Pelayanan Publik), first floor\n"
            "Jl. Merdeka No. 9, Kelurahan Talang Semut",
            "activities": _items(
                "Get a job-seeker card (AK/I)",
                "Find vacancies and job fairs",
                "Ask about company manpower reporting (WLKP)",
            ),
            "accessibility": "Lift and ramp from the car park; the office's counter is on the first floor "
            "near the entrance. Priority queue available.",
        },
    ),
    (
        "kios-balai-warga-sukabangun",
        COMMUNITY_CENTRE,
        "sukarami",
        "-2.941500",
        "104.722800",
        "perencanaan",
        _hours((0, 4, "08:00:00", "14:00:00")),
        {
            "title": "Kios Layanan Balai Warga Kelurahan Sukabangun",
            "search_description": "Kios layanan ketenagakerjaan di balai warga Kelurahan Sukabangun.",
            "address": "Balai Warga Kelurahan Sukabangun\nJl. Sukabangun II, Kelurahan Sukabangun",
            "phone": "0812 7300 4411",
            "activities": _items(
                "Mencari lowongan kerja di Karirhub dengan bantuan petugas",
                "Membuat akun SIAPkerja untuk kartu pencari kerja",
                "Mencetak formulir dan panduan layanan",
                "Mengirim pengaduan atau pertanyaan kepada Disnaker",
            ),
            "accessibility": "Ruang layanan di lantai dasar tanpa tangga. Petugas kelurahan dapat membantu "
            "warga yang kesulitan membaca atau menggunakan komputer.",
        },
        {
            "title": "Sukabangun community-centre kiosk",
            "slug": "sukabangun-community-kiosk",
            "search_description": "An employment-services kiosk in the Sukabangun community centre.",
            "address": "Sukabangun community centre (Balai Warga)\nJl. Sukabangun II, Kelurahan Sukabangun",
            "activities": _items(
                "Search vacancies on Karirhub with help from staff",
                "Create a SIAPkerja account for the job-seeker card",
                "Print forms and service guides",
                "Send a complaint or a question to the office",
            ),
            "accessibility": "Step-free service room on the ground floor. Kelurahan staff help people who "
            "find reading or computers difficult.",
        },
    ),
    (
        "kios-internet-perpustakaan-kota",
        INTERNET_KIOSK,
        "ilir-timur-i",
        "-2.975800",
        "104.749500",
        "perencanaan",
        _hours((0, 4, "08:00:00", "16:00:00"), (5, 5, "09:00:00", "13:00:00")),
        {
            "title": "Kios Internet Perpustakaan Kota Palembang",
            "search_description": "Komputer dan internet gratis untuk layanan ketenagakerjaan daring.",
            "address": "Perpustakaan Kota Palembang\nJl. Jenderal Sudirman, Kelurahan 20 Ilir D. I",
            "phone": "(0711) 358 144",
            "activities": _items(
                "Membuka situs Disnaker, SIAPkerja dan Karirhub tanpa biaya",
                "Menulis dan mencetak surat lamaran dan daftar riwayat hidup",
                "Mengunggah dokumen untuk layanan daring",
            ),
            "accessibility": "Jalur landai di pintu masuk; kios internet di lantai dasar dengan satu meja "
            "setinggi kursi roda.",
        },
        {
            "title": "Internet kiosk at the Palembang City Library",
            "slug": "city-library-internet-kiosk",
            "search_description": "Free computers and internet for online employment services.",
            "address": "Palembang City Library (Perpustakaan Kota)\nJl. Jenderal Sudirman, Kelurahan 20 Ilir D. I",
            "activities": _items(
                "Use the office's website, SIAPkerja and Karirhub free of charge",
                "Write and print application letters and CVs",
                "Upload documents for online services",
            ),
            "accessibility": "Ramp at the entrance; the internet kiosk is on the ground floor with one desk "
            "at wheelchair height.",
        },
    ),
    (
        "kios-balai-warga-plaju-ulu",
        COMMUNITY_CENTRE,
        "plaju",
        "-3.001200",
        "104.794300",
        "penempatan",
        _hours((0, 3, "08:00:00", "14:00:00")),
        {
            "title": "Kios Layanan Balai Warga Kelurahan Plaju Ulu",
            "search_description": "Kios informasi kerja di balai warga Kelurahan Plaju Ulu.",
            "address": "Balai Warga Kelurahan Plaju Ulu\nJl. Kapten Robani Kadir, Kelurahan Plaju Ulu",
            "phone": "0813 6700 2290",
            "activities": _items(
                "Melihat papan informasi lowongan dan jadwal bursa kerja",
                "Mendaftar pelatihan UPTD BLKP dengan bantuan petugas",
            ),
            "accessibility": "Satu anak tangga di pintu masuk; petugas membantu pengguna kursi roda.",
        },
        {
            "title": "Plaju Ulu community-centre kiosk",
            "slug": "plaju-ulu-community-kiosk",
            "search_description": "A job-information kiosk in the Plaju Ulu community centre.",
            "address": "Plaju Ulu community centre (Balai Warga)\nJl. Kapten Robani Kadir, Kelurahan Plaju Ulu",
            "activities": _items(
                "Read the vacancy board and the job-fair calendar",
                "Register for training at the training centre with help from staff",
            ),
            "accessibility": "One step at the entrance; staff help wheelchair users.",
        },
    ),
]


def seed(homes):
    divisions = seed_divisions()
    upsert_bilingual(
        homes.id,
        OfficePage,
        "profil",
        {
            "title": "Profil Dinas",
            "introduction": "Dinas Tenaga Kerja Kota Palembang melayani pencari kerja, pekerja dan perusahaan: "
            "pelatihan, penempatan, hubungan industrial dan jaminan sosial.",
            "search_description": "Tugas, visi, misi, alamat dan susunan organisasi Disnaker Kota Palembang.",
            "body": PROFILE_ID,
        },
        {
            "title": "Office profile",
            "slug": "profile",
            "introduction": "The Manpower Office of the City of Palembang serves job seekers, workers and "
            "employers: training, placement, industrial relations and social security.",
            "search_description": "Duties, vision, mission, address and organisation of the Manpower Office.",
            "body": PROFILE_EN,
        },
        show_in_menus=True,
    )
    directory_id, _directory_en = upsert_bilingual(
        homes.id,
        AccessPointIndexPage,
        "titik-layanan",
        {
            "title": "Titik Layanan",
            "intro": "Selain di kantor dinas, layanan ketenagakerjaan dapat dijangkau di loket Mal Pelayanan "
            "Publik, balai warga dan kios internet di seluruh Kota Palembang (Perwali 44/2016 Pasal 5 ayat (1) "
            "huruf c).",
            "search_description": "Loket, balai warga dan kios internet tempat layanan Disnaker dapat dijangkau.",
        },
        {
            "title": "Access points",
            "slug": "access-points",
            "intro": "Besides the office itself, you can reach our services at the Public Service Mall, "
            "community centres and internet kiosks across Palembang (Mayor Regulation 44/2016, Article 5(1)c).",
            "search_description": "Counters, community centres and internet kiosks where you can reach the "
            "office's services.",
        },
        show_in_menus=True,
    )
    for slug, kind, district, latitude, longitude, code, opening_hours, id_fields, en_fields in ACCESS_POINTS:
        division_id, division_en = divisions[code]
        shared = {"kind": kind, "district": district, "latitude": latitude, "longitude": longitude}
        shared["opening_hours"] = opening_hours
        upsert_bilingual(
            directory_id,
            AccessPointPage,
            slug,
            {**id_fields, "division": division_id},
            {"phone": id_fields["phone"], **en_fields, "division": division_en},
            **shared,
        )
