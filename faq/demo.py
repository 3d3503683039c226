"""Demo content (seed_demo): the FAQ page, six categories, 25 questions about
the office's services in Indonesian and English, and a few asked questions
waiting for an answer.

Each category names the division that answers its questions (by division
code, from ``offices.demo``), so the asked questions land in that division's
moderation queue.

Runs after ``offices.demo`` and ``services.demo``; answers link to the service pages (a service
that is not there is left out). Safe to run again: categories and entries are
found by slug and language, asked questions by their demo reference.
"""

from django.utils import timezone
from wagtail.models import Locale

from core.demo import upsert_bilingual

from .models import AskedQuestion, FAQCategory, FAQEntry, FAQEntryService, FAQIndexPage

AK1 = "kartu-pencari-kerja-ak1"
TRAINING = "pendaftaran-pelatihan-berbasis-kompetensi"
VACANCIES = "informasi-lowongan-dan-bursa-kerja"
WLKP = "wajib-lapor-ketenagakerjaan-wlkp"
COMPANY_REGULATIONS = "pengesahan-peraturan-perusahaan"
PKB = "pendaftaran-perjanjian-kerja-bersama"
PKWT = "pencatatan-pkwt"
MEDIATION = "mediasi-perselisihan-hubungan-industrial"
MIGRANTS = "rekomendasi-calon-pekerja-migran"
LPK = "izin-lembaga-pelatihan-kerja"
CONSULTATION = "konsultasi-ketenagakerjaan-dan-laporan-phk"

# (slug, English slug, sort order, (name id, name en), (description id, description en))
CATEGORIES = [
    (
        "umum",
        "general",
        10,
        ("Jam layanan, biaya dan pengaduan", "Opening hours, fees and complaints"),
        ("Hal yang berlaku untuk semua layanan.", "What applies to every service."),
    ),
    (
        "kartu-kuning",
        "job-seeker-card",
        20,
        ("Kartu pencari kerja (kartu kuning, AK/I)", "Job-seeker card (yellow card, AK/I)"),
        ("Membuat, memperpanjang dan menggunakan kartu AK/I.", "Getting, renewing and using the AK/I card."),
    ),
    (
        "pelatihan",
        "training",
        30,
        ("Pelatihan kerja, LPK dan BKK", "Job training, training institutions and school job exchanges"),
        (
            "Pelatihan di UPTD BLKP, lembaga pelatihan swasta dan bursa kerja khusus.",
            "Training at the UPTD BLKP, private training institutions and special job exchanges.",
        ),
    ),
    (
        "hubungan-kerja",
        "employment-relations",
        40,
        ("Kontrak kerja, PHK dan perselisihan", "Contracts, layoffs and disputes"),
        ("PKWT, pemutusan hubungan kerja dan mediasi.", "Fixed-term contracts, layoffs and mediation."),
    ),
    (
        "perusahaan",
        "employers",
        50,
        ("Kewajiban perusahaan", "Employers' obligations"),
        (
            "Wajib lapor, peraturan perusahaan dan perjanjian kerja bersama.",
            "Manpower reporting, company regulations and collective agreements.",
        ),
    ),
    (
        "pekerja-migran",
        "migrant-workers",
        60,
        ("Bekerja ke luar negeri", "Working abroad"),
        ("Calon Pekerja Migran Indonesia (PMI).", "Indonesian migrant-worker candidates (PMI)."),
    ),
]

# (category, slug, English slug, pinned, services, Indonesian (question, short, full), English (question, short, full))
# Full answers may hold "{link:<service slug>}", replaced by a link to that service page.
ENTRIES = [
    (
        "umum",
        "apakah-layanan-dipungut-biaya",
        "are-services-free",
        1,
        [],
        (
            "Apakah layanan Disnaker dipungut biaya?",
            "Tidak. Semua layanan Dinas Tenaga Kerja Kota Palembang gratis, kecuali bila sebuah peraturan menetapkan tarif.",
            "<p>Biaya setiap layanan tercantum di standar pelayanannya, pada bagian “Biaya”. Bila ada petugas "
            "atau pihak lain yang meminta uang di luar ketentuan, jangan membayar dan laporkan melalui saluran "
            "pengaduan atau SP4N-LAPOR!.</p>",
        ),
        (
            "Do the office's services cost anything?",
            "No. Every service of the Manpower Office of the City of Palembang is free, unless a regulation sets a fee.",
            "<p>The cost of each service is in its published standard, under “Cost”. If an officer or anyone "
            "else asks you for money beyond that, do not pay and report it through the complaint channels or "
            "SP4N-LAPOR!.</p>",
        ),
    ),
    (
        "umum",
        "jam-layanan",
        "opening-hours",
        2,
        [],
        (
            "Kapan jam layanan kantor Disnaker?",
            "Senin sampai Kamis pukul 08.00–16.00 dan Jumat pukul 08.00–16.30, kecuali hari libur nasional.",
            "<p>Beberapa loket, misalnya UPTD BLKP, punya jam sendiri; jamnya tercantum di halaman setiap "
            "layanan. Layanan daring di situs ini dapat diajukan kapan saja.</p>",
        ),
        (
            "When is the office open?",
            "Monday to Thursday 08.00–16.00 and Friday 08.00–16.30, except public holidays.",
            "<p>Some counters, such as the UPTD BLKP, keep their own hours; each service page shows them. "
            "Online services on this site can be used at any time.</p>",
        ),
    ),
    (
        "umum",
        "cara-menyampaikan-pengaduan",
        "how-to-complain",
        None,
        [CONSULTATION],
        (
            "Ke mana saya menyampaikan pengaduan tentang layanan?",
            "Ke saluran pengaduan dinas yang tercantum di setiap halaman layanan, atau melalui SP4N-LAPOR! (lapor.go.id).",
            "<p>Sebutkan layanan yang Anda adukan, kapan kejadiannya dan apa yang terjadi. Jangan menulis NIK "
            "atau data pribadi lain di kolom yang akan dipublikasikan.</p>",
        ),
        (
            "Where can I complain about a service?",
            "Through the office's complaint channels shown on every service page, or through SP4N-LAPOR! (lapor.go.id).",
            "<p>Say which service, when it happened and what happened. Do not type your identity number or "
            "other personal details in anything that will be published.</p>",
        ),
    ),
    (
        "kartu-kuning",
        "apa-itu-kartu-kuning",
        "what-is-the-yellow-card",
        1,
        [AK1],
        (
            "Apa itu kartu kuning (AK/I)?",
            "Kartu kuning adalah Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I): bukti bahwa Anda terdaftar sebagai pencari kerja.",
            "<p>Banyak perusahaan dan instansi memintanya saat Anda melamar kerja. Cara membuatnya ada di "
            "{link:kartu-pencari-kerja-ak1}.</p>",
        ),
        (
            "What is the yellow card (AK/I)?",
            "The yellow card is the job-seeker registration card (AK/I): proof that you are registered as a job seeker.",
            "<p>Many employers and institutions ask for it when you apply. How to get it: "
            "{link:kartu-pencari-kerja-ak1}.</p>",
        ),
    ),
    (
        "kartu-kuning",
        "cara-membuat-kartu-kuning",
        "how-to-get-the-yellow-card",
        2,
        [AK1],
        (
            "Bagaimana cara membuat kartu kuning?",
            "Daftar dulu secara daring di SIAPkerja dan lengkapi profil Anda, lalu ambil kartu di loket dengan membawa KTP asli.",
            "<p>Siapkan KTP elektronik, dua lembar pas foto berwarna 3×4, ijazah terakhir (asli dan fotokopi) "
            "dan sertifikat pelatihan bila ada. Petugas memeriksa data Anda di Karirhub, lalu mencetak dan "
            "menandatangani kartu. Langkah lengkapnya: {link:kartu-pencari-kerja-ak1}.</p>",
        ),
        (
            "How do I get a yellow card?",
            "Register online on SIAPkerja and complete your profile, then collect the card at the counter with your original identity card.",
            "<p>Have your electronic identity card (KTP), two 3×4 colour photos, your latest diploma (original "
            "and a photocopy) and any training certificates ready. An officer checks your data in Karirhub, then "
            "prints and signs your card. All the steps: {link:kartu-pencari-kerja-ak1}.</p>",
        ),
    ),
    (
        "kartu-kuning",
        "biaya-kartu-kuning",
        "yellow-card-cost",
        None,
        [AK1],
        (
            "Apakah membuat kartu kuning dipungut biaya?",
            "Tidak. Kartu kuning gratis, dan tidak seorang pun boleh memungut biaya untuk kartu ini.",
            "<p>Bila Anda dimintai uang, jangan membayar dan sampaikan pengaduan.</p>",
        ),
        (
            "Does the yellow card cost anything?",
            "No. The card is free, and nobody may charge you for it.",
            "<p>If someone asks you for money, do not pay and make a complaint.</p>",
        ),
    ),
    (
        "kartu-kuning",
        "masa-berlaku-kartu-kuning",
        "yellow-card-validity",
        None,
        [AK1],
        (
            "Berapa lama kartu kuning berlaku?",
            "Dua tahun. Selama belum bekerja, laporkan diri setiap enam bulan agar pendaftaran Anda tetap aktif.",
            "<p>Bila Anda sudah bekerja, laporkan juga, supaya data pencari kerja kota tetap benar.</p>",
        ),
        (
            "How long is the yellow card valid?",
            "Two years. While you are still looking for work, report every six months to keep your registration active.",
            "<p>Once you have a job, report that too, so the city's job-seeker figures stay right.</p>",
        ),
    ),
    (
        "kartu-kuning",
        "lama-proses-kartu-kuning",
        "yellow-card-time",
        None,
        [AK1],
        (
            "Berapa lama proses membuat kartu kuning di loket?",
            "Sekitar 15 menit di loket, setelah data daring Anda lengkap dan sudah diperiksa petugas.",
            "",
        ),
        (
            "How long does it take to get the yellow card at the counter?",
            "About 15 minutes at the counter, once your online data is complete and an officer has checked it.",
            "",
        ),
    ),
    (
        "kartu-kuning",
        "kartu-kuning-hilang",
        "lost-yellow-card",
        None,
        [AK1],
        (
            "Kartu kuning saya hilang. Apa yang harus saya lakukan?",
            "Data Anda tersimpan di SIAPkerja, jadi kartu dapat dicetak lagi: datang ke loket dengan membawa KTP asli.",
            "<p>Pencetakan ulang tidak dipungut biaya.</p>",
        ),
        (
            "I lost my yellow card. What should I do?",
            "Your data is kept in SIAPkerja, so the card can be printed again: come to the counter with your original identity card.",
            "<p>Printing it again is free.</p>",
        ),
    ),
    (
        "pelatihan",
        "cara-daftar-pelatihan-blkp",
        "how-to-join-blkp-training",
        1,
        [TRAINING],
        (
            "Bagaimana cara mendaftar pelatihan di BLKP?",
            "Daftar saat pendaftaran angkatan baru dibuka, lalu ikuti seleksi. Pendaftaran diumumkan di situs ini.",
            "<p>Persyaratan, jadwal seleksi dan kejuruan yang dibuka ada di {link:pendaftaran-pelatihan-berbasis-kompetensi}.</p>",
        ),
        (
            "How do I sign up for training at the BLKP?",
            "Register when a new intake opens, then take part in the selection. Intakes are announced on this site.",
            "<p>Requirements, selection dates and the trades on offer: {link:pendaftaran-pelatihan-berbasis-kompetensi}.</p>",
        ),
    ),
    (
        "pelatihan",
        "biaya-pelatihan-blkp",
        "blkp-training-cost",
        None,
        [TRAINING],
        (
            "Apakah pelatihan di BLKP berbayar?",
            "Tidak. Pelatihan berbasis kompetensi di UPTD BLKP tidak dipungut biaya bagi peserta yang lolos seleksi.",
            "",
        ),
        (
            "Do I pay for training at the BLKP?",
            "No. Competency-based training at the UPTD BLKP is free for those who pass the selection.",
            "",
        ),
    ),
    (
        "pelatihan",
        "kapan-pendaftaran-pelatihan",
        "when-do-intakes-open",
        None,
        [TRAINING],
        (
            "Kapan pendaftaran pelatihan dibuka?",
            "Beberapa kali dalam setahun, menurut jadwal angkatan. Jadwalnya diumumkan di berita dan agenda situs ini.",
            "",
        ),
        (
            "When does training registration open?",
            "Several times a year, by intake. The dates are announced in the news and events of this site.",
            "",
        ),
    ),
    (
        "pelatihan",
        "izin-lpk",
        "training-institution-licence",
        None,
        [LPK],
        (
            "Bagaimana mendirikan Lembaga Pelatihan Kerja (LPK) swasta?",
            "LPK swasta harus memiliki izin sebelum menyelenggarakan pelatihan. Ajukan melalui layanan izin LPK.",
            "<p>Persyaratan dan alurnya ada di {link:izin-lembaga-pelatihan-kerja}.</p>",
        ),
        (
            "How do I set up a private training institution (LPK)?",
            "A private training institution needs a licence before it runs training. Apply through the training-institution licensing service.",
            "<p>Requirements and steps: {link:izin-lembaga-pelatihan-kerja}.</p>",
        ),
    ),
    (
        "pelatihan",
        "apa-itu-bkk",
        "what-is-a-bkk",
        None,
        [VACANCIES],
        (
            "Apa itu Bursa Kerja Khusus (BKK)?",
            "BKK adalah unit di SMK, perguruan tinggi atau lembaga pelatihan yang memberi informasi lowongan dan penempatan bagi lulusannya.",
            "<p>BKK didaftarkan ke dinas ketenagakerjaan dan melaporkan kegiatannya. Informasi lowongan dan "
            "bursa kerja ada di {link:informasi-lowongan-dan-bursa-kerja}.</p>",
        ),
        (
            "What is a special job exchange (BKK)?",
            "A BKK is a unit at a vocational school, college or training institution that gives its graduates vacancy information and placement.",
            "<p>A BKK registers with the manpower office and reports on its work. Vacancies and job fairs: "
            "{link:informasi-lowongan-dan-bursa-kerja}.</p>",
        ),
    ),
    (
        "hubungan-kerja",
        "apa-itu-pkwt",
        "what-is-pkwt",
        None,
        [PKWT],
        (
            "Apa itu PKWT dan apakah harus dicatatkan?",
            "PKWT adalah perjanjian kerja waktu tertentu (kontrak). Perusahaan mencatatkannya paling lambat 3 hari kerja sejak ditandatangani.",
            "<p>Syarat dan langkah pencatatan ada di {link:pencatatan-pkwt}.</p>",
        ),
        (
            "What is a PKWT and must it be recorded?",
            "A PKWT is a fixed-term employment contract. The company records it within 3 working days of signing.",
            "<p>Requirements and steps: {link:pencatatan-pkwt}.</p>",
        ),
    ),
    (
        "hubungan-kerja",
        "lama-pencatatan-pkwt",
        "pkwt-recording-time",
        None,
        [PKWT],
        (
            "Berapa lama dan berapa biaya pencatatan PKWT?",
            "Tiga hari kerja setelah berkas lengkap diterima, dan tidak dipungut biaya.",
            "",
        ),
        (
            "How long does recording a PKWT take, and what does it cost?",
            "Three working days once the complete documents are received, free of charge.",
            "",
        ),
    ),
    (
        "hubungan-kerja",
        "cara-mengajukan-mediasi",
        "how-to-ask-for-mediation",
        1,
        [MEDIATION],
        (
            "Bagaimana mengajukan mediasi perselisihan hubungan industrial?",
            "Berunding dulu secara bipartit. Bila gagal, catatkan perselisihan di dinas dengan risalah perundingan bipartit.",
            "<p>Mediator dinas kemudian memanggil kedua pihak. Persyaratan dan langkahnya ada di "
            "{link:mediasi-perselisihan-hubungan-industrial}.</p>",
        ),
        (
            "How do I ask for mediation of an industrial dispute?",
            "First negotiate between the two parties (bipartite). If that fails, record the dispute at the office with the minutes of that negotiation.",
            "<p>The office's mediator then calls both parties. Requirements and steps: "
            "{link:mediasi-perselisihan-hubungan-industrial}.</p>",
        ),
    ),
    (
        "hubungan-kerja",
        "biaya-mediasi",
        "mediation-cost",
        None,
        [MEDIATION],
        (
            "Apakah mediasi di Disnaker dipungut biaya?",
            "Tidak. Mediasi oleh mediator dinas tidak dipungut biaya.",
            "",
        ),
        (
            "Does mediation at the office cost anything?",
            "No. Mediation by the office's mediators is free.",
            "",
        ),
    ),
    (
        "hubungan-kerja",
        "terkena-phk",
        "i-was-laid-off",
        None,
        [CONSULTATION, MEDIATION],
        (
            "Saya terkena PHK. Ke mana saya bisa berkonsultasi?",
            "Ke layanan konsultasi ketenagakerjaan: petugas menjelaskan hak Anda dan langkah berikutnya.",
            "<p>Bila Anda dan perusahaan tidak sepakat, perselisihan dapat dilanjutkan ke mediasi. Lihat "
            "{link:konsultasi-ketenagakerjaan-dan-laporan-phk}.</p>",
        ),
        (
            "I was laid off. Where can I get advice?",
            "At the labour consultation service: an officer explains your rights and the next steps.",
            "<p>If you and the company do not agree, the dispute can go to mediation. See "
            "{link:konsultasi-ketenagakerjaan-dan-laporan-phk}.</p>",
        ),
    ),
    (
        "hubungan-kerja",
        "perusahaan-melaporkan-phk",
        "reporting-layoffs",
        None,
        [CONSULTATION],
        (
            "Apakah perusahaan wajib melaporkan PHK?",
            "Ya. Perusahaan melaporkan pemutusan hubungan kerja kepada dinas ketenagakerjaan.",
            "<p>Caranya ada di {link:konsultasi-ketenagakerjaan-dan-laporan-phk}.</p>",
        ),
        (
            "Must a company report layoffs?",
            "Yes. A company reports the end of employment to the manpower office.",
            "<p>How: {link:konsultasi-ketenagakerjaan-dan-laporan-phk}.</p>",
        ),
    ),
    (
        "perusahaan",
        "apa-itu-wlkp",
        "what-is-wlkp",
        1,
        [WLKP],
        (
            "Apa itu Wajib Lapor Ketenagakerjaan di Perusahaan (WLKP)?",
            "Kewajiban setiap perusahaan melaporkan keadaan ketenagakerjaannya. Laporan dibuat daring di sistem WLKP Kementerian Ketenagakerjaan.",
            "<p>Dasarnya Undang-Undang Nomor 7 Tahun 1981. Langkahnya ada di {link:wajib-lapor-ketenagakerjaan-wlkp}.</p>",
        ),
        (
            "What is company manpower reporting (WLKP)?",
            "Every company must report its workforce. The report is made online in the Ministry of Manpower's WLKP system.",
            "<p>It rests on Law No. 7 of 1981. The steps: {link:wajib-lapor-ketenagakerjaan-wlkp}.</p>",
        ),
    ),
    (
        "perusahaan",
        "kapan-wajib-lapor",
        "when-to-report",
        None,
        [WLKP],
        (
            "Kapan perusahaan harus membuat wajib lapor?",
            "Setiap tahun, dan ketika perusahaan didirikan, pindah atau ditutup.",
            "",
        ),
        (
            "When must a company report?",
            "Every year, and when the company opens, moves or closes.",
            "",
        ),
    ),
    (
        "perusahaan",
        "wajib-peraturan-perusahaan",
        "company-regulations-duty",
        None,
        [COMPANY_REGULATIONS, PKB],
        (
            "Kapan perusahaan wajib membuat Peraturan Perusahaan?",
            "Bila mempekerjakan sekurang-kurangnya 10 pekerja, kecuali sudah memiliki Perjanjian Kerja Bersama.",
            "<p>Peraturan Perusahaan disahkan oleh dinas dan berlaku paling lama dua tahun. Lihat "
            "{link:pengesahan-peraturan-perusahaan}.</p>",
        ),
        (
            "When must a company have company regulations?",
            "When it employs at least 10 workers, unless it has a collective labour agreement.",
            "<p>The office approves company regulations; they are valid for at most two years. See "
            "{link:pengesahan-peraturan-perusahaan}.</p>",
        ),
    ),
    (
        "pekerja-migran",
        "rekomendasi-calon-pmi",
        "migrant-worker-recommendation",
        1,
        [MIGRANTS],
        (
            "Bagaimana mendapatkan rekomendasi sebagai calon Pekerja Migran Indonesia?",
            "Ajukan di loket dengan dokumen yang disebut di halaman layanan. Rekomendasi terbit dalam 1 hari kerja, tanpa biaya.",
            "<p>Persyaratannya ada di {link:rekomendasi-calon-pekerja-migran}.</p>",
        ),
        (
            "How do I get a recommendation as an Indonesian migrant-worker candidate?",
            "Apply at the counter with the documents listed on the service page. The recommendation is issued within 1 working day, free of charge.",
            "<p>Requirements: {link:rekomendasi-calon-pekerja-migran}.</p>",
        ),
    ),
    (
        "pekerja-migran",
        "berangkat-secara-resmi",
        "going-abroad-safely",
        None,
        [MIGRANTS],
        (
            "Bagaimana memastikan saya bekerja ke luar negeri secara resmi?",
            "Berangkat lewat jalur resmi: daftar di dinas dan gunakan perusahaan penempatan yang berizin atau program pemerintah.",
            "<p>Jangan berangkat dengan visa kunjungan untuk bekerja dan jangan membayar biaya di luar "
            "ketentuan. Tanyakan di loket bila ragu.</p>",
        ),
        (
            "How can I be sure I am going to work abroad the official way?",
            "Go through official channels: register at the office and use a licensed placement company or a government programme.",
            "<p>Do not travel on a visitor visa to work, and do not pay fees beyond the rules. Ask at the "
            "counter if in doubt.</p>",
        ),
    ),
]

# Category slug → code of the division answering its questions.
CATEGORY_DIVISIONS = {
    "umum": "sekretariat",
    "kartu-kuning": "penempatan",
    "pelatihan": "pelatihan",
    "hubungan-kerja": "hubungan-industrial",
    "perusahaan": "hubungan-industrial",
    "pekerja-migran": "penempatan",
}

# (demo number, language, category slug, status, question, name, e-mail, answer)
ASKED = [
    (
        1,
        "id",
        "kartu-kuning",
        AskedQuestion.Status.WAITING,
        "Apakah kartu kuning dari kota lain bisa dipakai untuk melamar kerja di Palembang?",
        "Rina",
        "rina@example.com",
        "",
    ),
    (
        2,
        "id",
        "pelatihan",
        AskedQuestion.Status.WAITING,
        "Apakah ada batas usia untuk ikut pelatihan menjahit di BLKP?",
        "",
        "",
        "",
    ),
    (
        3,
        "en",
        "employment-relations",
        AskedQuestion.Status.WAITING,
        "Does a foreign company office in Palembang also have to record PKWT contracts here?",
        "John",
        "john@example.com",
        "",
    ),
    (
        4,
        "id",
        "umum",
        AskedQuestion.Status.ANSWERED,
        "Apakah kantor buka pada hari Sabtu?",
        "Dedi",
        "",
        "Tidak. Kantor buka Senin sampai Jumat, kecuali hari libur nasional.",
    ),
]


def _locales():
    return Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en")


def _service_links(locale):
    """Service pages of one language by their Indonesian slug."""
    from services.models import ServicePage

    found = {}
    for page in ServicePage.objects.filter(locale__language_code="id"):
        target = page if page.locale_id == locale.pk else page.get_translation_or_none(locale)
        if target is not None:
            found[page.slug] = target
    return found


def _with_links(html, services):
    import re

    def link(match):
        page = services.get(match.group(1))
        if page is None:
            return ""
        return f'<a linktype="page" id="{page.pk}">{page.title}</a>'

    return re.sub(r"\{link:([a-z0-9-]+)\}", link, html)


def _division(locale, code):
    """The division with ``code`` in the default language, if offices.demo made it."""
    from offices.models import Division

    return Division.objects.filter(locale=locale, code=code).first() if code else None


def _upsert_category(locale, slug, translation_key, **fields):
    category = FAQCategory.objects.filter(locale=locale, slug=slug).first()
    if category is None:
        category = FAQCategory(locale=locale, slug=slug)
        if translation_key is not None:
            category.translation_key = translation_key
    for name, value in fields.items():
        setattr(category, name, value)
    category.save()
    return category


def _upsert_entry(locale, slug, translation_key, **fields):
    entry = FAQEntry.objects.filter(locale=locale, slug=slug).first()
    if entry is None:
        entry = FAQEntry(locale=locale, slug=slug)
        if translation_key is not None:
            entry.translation_key = translation_key
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.live = True
    entry.save()
    entry.save_revision().publish()
    return entry


def seed(homes):
    locale_id, locale_en = _locales()
    upsert_bilingual(
        homes.id,
        FAQIndexPage,
        "tanya-jawab",
        {
            "title": "Tanya jawab",
            "intro": "Jawaban singkat atas pertanyaan yang sering diajukan tentang layanan Disnaker Kota Palembang.",
            "ask_intro": "<p>Tanyakan apa saja tentang layanan dinas. Petugas menjawab dalam beberapa hari kerja; "
            "jawaban yang berguna bagi banyak orang kami terbitkan di halaman ini tanpa nama Anda.</p>",
            "search_description": "Tanya jawab seputar kartu kuning, pelatihan, PKWT, PHK, mediasi dan wajib lapor.",
        },
        {
            "title": "Questions and answers",
            "slug": "faq",
            "intro": "Short answers to common questions about the services of the Palembang Manpower Office.",
            "ask_intro": "<p>Ask anything about the office's services. An officer answers within a few working days; "
            "answers that help many people are published on this page, without your name.</p>",
            "search_description": "Questions and answers on the yellow card, training, contracts, layoffs, mediation and reporting.",
        },
        show_in_menus=True,
    )

    categories = {}
    for slug, en_slug, order, names, descriptions in CATEGORIES:
        division = _division(locale_id, CATEGORY_DIVISIONS.get(slug))
        category_id = _upsert_category(
            locale_id,
            slug,
            None,
            name=names[0],
            description=descriptions[0],
            sort_order=order,
            division=division,
        )
        category_en = _upsert_category(
            locale_en,
            en_slug,
            category_id.translation_key,
            name=names[1],
            description=descriptions[1],
            sort_order=order,
            division=division,
        )
        categories[slug] = (category_id, category_en)

    links = (_service_links(locale_id), _service_links(locale_en))
    for category_slug, slug, en_slug, pinned, service_slugs, text_id, text_en in ENTRIES:
        translation_key = None
        for language, (locale, entry_slug, text) in enumerate(
            ((locale_id, slug, text_id), (locale_en, en_slug, text_en))
        ):
            entry = _upsert_entry(
                locale,
                entry_slug,
                translation_key,
                category=categories[category_slug][language],
                question=text[0],
                short_answer=text[1],
                full_answer=_with_links(text[2], links[language]),
                pinned_order=pinned,
            )
            translation_key = entry.translation_key
            FAQEntryService.objects.filter(entry=entry).delete()
            for order, service_slug in enumerate(service_slugs):
                page = links[language].get(service_slug)
                if page is not None:
                    FAQEntryService.objects.create(entry=entry, service=page, sort_order=order)

    _seed_asked(categories)


def _seed_asked(categories):
    from core.crypto import contact_hash

    from .services import division_for

    year = timezone.localdate().year
    by_any_slug = {}
    for category_id, category_en in categories.values():
        by_any_slug[category_id.slug] = category_id
        by_any_slug[category_en.slug] = category_en
    for number, language, category_slug, status, question, name, email, answer in ASKED:
        category = by_any_slug.get(category_slug)
        AskedQuestion.objects.update_or_create(
            reference=f"TNY-{year}-9{number:05d}",
            defaults={
                "language": language,
                "category": category,
                "division": division_for(category),
                "question": question,
                "name": name,
                "email": email,
                "email_hash": contact_hash(email) if email else "",
                "status": status,
                "answer": answer,
                "answered_at": timezone.now() if answer else None,
            },
        )
