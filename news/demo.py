"""Demo content of the news app: news and announcements, and the events agenda.

Dates are counted from the day the demo is seeded, so the listing always has
recent items and the agenda always has an upcoming job fair. Running the seed
again finds every page by its slug and changes only its content.
"""

import datetime

from django.utils import formats, timezone, translation

from core.demo import publish, stream, upsert_bilingual

from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

OFFICE_ADDRESS = "Jl. Merdeka No. 1, Kelurahan 22 Ilir\nKecamatan Bukit Kecil, Palembang 30131"
BLKP_ADDRESS = "Jl. Mayor Zen, Kelurahan Sei Selincah\nKecamatan Kalidoni, Palembang 30119"
PSCC_ADDRESS = "Jl. POM IX, Kelurahan Lorok Pakjo\nKecamatan Ilir Barat I, Palembang 30137"
KARIRHUB = "https://karirhub.kemnaker.go.id/"
SIAPKERJA = "https://siapkerja.kemnaker.go.id/"
WLKP = "https://wajiblapor.kemnaker.go.id/"


def _day(offset, today):
    return today + datetime.timedelta(days=offset)


def _at(day, hour, minute=0):
    """``day`` at ``hour``:``minute`` in Palembang (Asia/Jakarta)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _long_date(day, language):
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def _set_topics(page, names):
    """Give ``page`` exactly these topics, publishing only when they change."""
    if sorted(tag.name for tag in page.tags.all()) != sorted(names):
        page.tags.set(names)
        publish(page)


def seed(homes):
    today = timezone.localdate()
    job_fair_day = _day(18, today)
    intake_day = _day(30, today)
    next_year = today.year + 1
    news_index, events_index = _seed_indexes(homes)
    _seed_news(news_index, today, job_fair_day, intake_day, next_year)
    _seed_events(events_index, today, job_fair_day, intake_day, next_year)
    return news_index, events_index


def _seed_indexes(homes):
    news_id, _news_en = upsert_bilingual(
        homes.id,
        NewsIndexPage,
        "berita",
        {
            "title": "Berita dan Pengumuman",
            "intro": "Kabar terbaru, pengumuman resmi dan jadwal layanan Dinas Tenaga Kerja Kota Palembang.",
            "search_description": "Berita dan pengumuman Dinas Tenaga Kerja Kota Palembang.",
        },
        {
            "title": "News and announcements",
            "slug": "news",
            "intro": "The latest news, official announcements and service schedules of the Palembang Manpower Office.",
            "search_description": "News and announcements of the Manpower Office of the City of Palembang.",
        },
        show_in_menus=True,
    )
    events_id, _events_en = upsert_bilingual(
        homes.id,
        EventIndexPage,
        "agenda",
        {
            "title": "Agenda",
            "intro": "Bursa kerja, pembukaan pelatihan dan sosialisasi yang diselenggarakan Disnaker Kota Palembang.",
            "search_description": "Agenda kegiatan Dinas Tenaga Kerja Kota Palembang.",
        },
        {
            "title": "Events",
            "slug": "events",
            "intro": "Job fairs, training intakes and information sessions run by the Palembang Manpower Office.",
            "search_description": "Events of the Manpower Office of the City of Palembang.",
        },
        show_in_menus=True,
    )
    return news_id, events_id


def _news_items(today, job_fair_day, intake_day, next_year):
    """(slug, kind, date, Indonesian fields and topics, English fields and topics)."""
    fair_id, fair_en = _long_date(job_fair_day, "id"), _long_date(job_fair_day, "en")
    intake_id, intake_en = _long_date(intake_day, "id"), _long_date(intake_day, "en")
    return [
        (
            "jam-layanan-mediasi-libur-akhir-tahun",
            NewsPage.ANNOUNCEMENT,
            _day(-2, today),
            {
                "title": "Jam layanan mediasi selama libur akhir tahun",
                "summary": "Pada hari libur nasional dan cuti bersama, layanan mediasi perselisihan hubungan industrial tutup; pengaduan tetap diterima secara daring.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Selama libur akhir tahun, layanan pencatatan perselisihan dan mediasi di Bidang Hubungan Industrial dan Jaminan Sosial buka pada hari kerja biasa, pukul 08.00–15.00 WIB.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Kantor tutup pada hari libur",
                            "text": "<p>Pada hari libur nasional dan cuti bersama tidak ada jadwal sidang mediasi. Jadwal yang jatuh pada hari tersebut dipindahkan; mediator akan menghubungi para pihak.</p>",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Pengaduan dan permohonan pencatatan perselisihan tetap dapat dikirim kapan saja melalui SP4N-LAPOR! dan akan diproses pada hari kerja berikutnya.</p>",
                    ),
                ),
                "topics": ["Hubungan industrial", "Jadwal layanan"],
            },
            {
                "title": "Mediation service hours during the year-end holidays",
                "slug": "mediation-service-hours-year-end-holidays",
                "summary": "On public holidays and collective leave days the industrial dispute mediation service is closed; complaints can still be sent online.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>During the year-end holidays, dispute recording and mediation at the Industrial Relations and Social Security Division are open on normal working days, 08.00–15.00 WIB.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Closed on holidays",
                            "text": "<p>No mediation hearings take place on public holidays and collective leave days. Hearings that fall on those days are moved; the mediator will contact both parties.</p>",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Complaints and requests to record a dispute can be sent at any time through SP4N-LAPOR!; they are handled on the next working day.</p>",
                    ),
                ),
                "topics": ["Industrial relations", "Service hours"],
            },
        ),
        (
            "bursa-kerja-kota-palembang",
            NewsPage.ANNOUNCEMENT,
            _day(-4, today),
            {
                "title": f"Bursa Kerja Kota Palembang digelar {fair_id}",
                "summary": f"Lebih dari 40 perusahaan membuka lowongan di PSCC Palembang mulai {fair_id}. Gratis dan terbuka untuk umum.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>Dinas Tenaga Kerja Kota Palembang menggelar Bursa Kerja Kota Palembang selama dua hari mulai {fair_id} di Palembang Sport and Convention Center (PSCC), pukul 08.00–16.00 WIB.</p>",
                    ),
                    ("heading", {"text": "Yang perlu dibawa", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Kartu tanda bukti pendaftaran pencari kerja (AK/I)</li><li>Beberapa salinan surat lamaran dan daftar riwayat hidup</li><li>Salinan ijazah terakhir dan KTP</li></ul>",
                    ),
                    (
                        "paragraph",
                        f'<p>Daftar lowongan diumumkan di <a href="{KARIRHUB}">Karirhub Kemnaker</a>. Pencari kerja disarankan membuat akun SIAPkerja sebelum datang.</p>',
                    ),
                ),
                "topics": ["Bursa kerja", "Pencari kerja"],
            },
            {
                "title": f"Palembang City Job Fair opens on {fair_en}",
                "slug": "palembang-city-job-fair",
                "summary": f"More than 40 employers offer vacancies at PSCC Palembang from {fair_en}. Free and open to everyone.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>The Palembang Manpower Office holds the two-day Palembang City Job Fair from {fair_en} at the Palembang Sport and Convention Center (PSCC), 08.00–16.00 WIB.</p>",
                    ),
                    ("heading", {"text": "What to bring", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Your job-seeker card (AK/I)</li><li>Several copies of your application letter and CV</li><li>Copies of your latest diploma and identity card (KTP)</li></ul>",
                    ),
                    (
                        "paragraph",
                        f'<p>Vacancies are published on the Ministry of Manpower\'s <a href="{KARIRHUB}">Karirhub</a>. Create a SIAPkerja account before you come.</p>',
                    ),
                ),
                "topics": ["Job fairs", "Job seekers"],
            },
        ),
        (
            "umk-palembang-ditetapkan",
            NewsPage.NEWS,
            _day(-8, today),
            {
                "title": f"UMK Palembang tahun {next_year} telah ditetapkan",
                "summary": f"Keputusan Gubernur Sumatera Selatan tentang Upah Minimum Kota Palembang tahun {next_year} telah terbit dan berlaku mulai 1 Januari {next_year}.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>Gubernur Sumatera Selatan telah menetapkan Upah Minimum Kota (UMK) Palembang tahun {next_year}. Besaran UMK tercantum dalam surat keputusan tersebut; salinannya dapat diminta di kantor Disnaker.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Berlaku untuk siapa?",
                            "text": "<p>UMK berlaku bagi pekerja dengan masa kerja kurang dari satu tahun. Upah pekerja dengan masa kerja satu tahun atau lebih berpedoman pada struktur dan skala upah perusahaan.</p>",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Perusahaan yang belum mampu membayar sesuai UMK dapat berkonsultasi dengan Bidang Hubungan Industrial dan Jaminan Sosial.</p>",
                    ),
                ),
                "topics": ["Pengupahan", "Perusahaan"],
            },
            {
                "title": f"Palembang minimum wage (UMK) for {next_year} decided",
                "slug": "palembang-minimum-wage-decided",
                "summary": f"The Governor of South Sumatra's decision on the Palembang city minimum wage for {next_year} has been issued and applies from 1 January {next_year}.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>The Governor of South Sumatra has set the Palembang city minimum wage (UMK) for {next_year}. The amount is stated in the decision; copies are available at the office.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Who does it apply to?",
                            "text": "<p>The UMK applies to workers with less than one year of service. Wages of workers with one year or more follow the company's wage structure and scale.</p>",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Employers who cannot yet pay the UMK may consult the Industrial Relations and Social Security Division.</p>",
                    ),
                ),
                "topics": ["Wages", "Employers"],
            },
        ),
        (
            "pendaftaran-pelatihan-uptd-blkp",
            NewsPage.ANNOUNCEMENT,
            _day(-10, today),
            {
                "title": f"Pendaftaran pelatihan berbasis kompetensi UPTD BLKP angkatan I tahun {next_year}",
                "summary": f"Pelatihan gratis kejuruan las listrik, menjahit, teknisi komputer dan tata boga. Seleksi peserta {intake_id}.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>UPTD Balai Latihan Kerja dan Produktivitas (BLKP) Kota Palembang membuka pendaftaran pelatihan berbasis kompetensi angkatan I tahun {next_year}. Pelatihan tidak dipungut biaya.</p>",
                    ),
                    (
                        "table",
                        {
                            "caption": "Kejuruan dan kuota peserta",
                            "table": {
                                "data": [
                                    ["Kejuruan", "Lama", "Kuota"],
                                    ["Las listrik", "240 jam", "16 orang"],
                                    ["Menjahit", "200 jam", "16 orang"],
                                    ["Teknisi komputer", "160 jam", "16 orang"],
                                    ["Tata boga", "160 jam", "16 orang"],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    ),
                    (
                        "steps",
                        {
                            "steps": [
                                {
                                    "title": "Daftar di SIAPkerja",
                                    "text": "<p>Pilih pelatihan UPTD BLKP Kota Palembang.</p>",
                                },
                                {
                                    "title": "Ikuti seleksi",
                                    "text": f"<p>Tes tertulis dan wawancara pada {intake_id} di UPTD BLKP.</p>",
                                },
                                {
                                    "title": "Lihat pengumuman",
                                    "text": "<p>Peserta yang lulus diumumkan di situs ini dan di papan pengumuman BLKP.</p>",
                                },
                            ]
                        },
                    ),
                ),
                "topics": ["Pelatihan", "Pencari kerja"],
            },
            {
                "title": f"Training centre (UPTD BLKP) intake I of {next_year}: registration open",
                "slug": "training-centre-intake-registration",
                "summary": f"Free training in electric welding, sewing, computer repair and catering. Selection on {intake_en}.",
                "body": stream(
                    (
                        "paragraph",
                        f"<p>The Palembang vocational training centre (UPTD BLKP) is taking registrations for the first competency-based training intake of {next_year}. Training is free of charge.</p>",
                    ),
                    (
                        "table",
                        {
                            "caption": "Trades and places",
                            "table": {
                                "data": [
                                    ["Trade", "Length", "Places"],
                                    ["Electric welding", "240 hours", "16"],
                                    ["Sewing", "200 hours", "16"],
                                    ["Computer repair", "160 hours", "16"],
                                    ["Catering", "160 hours", "16"],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    ),
                    (
                        "steps",
                        {
                            "steps": [
                                {
                                    "title": "Register on SIAPkerja",
                                    "text": "<p>Choose a course at UPTD BLKP Kota Palembang.</p>",
                                },
                                {
                                    "title": "Take the selection",
                                    "text": f"<p>A written test and an interview on {intake_en} at the training centre.</p>",
                                },
                                {
                                    "title": "Check the results",
                                    "text": "<p>Successful applicants are listed on this site and at the training centre.</p>",
                                },
                            ]
                        },
                    ),
                ),
                "topics": ["Training", "Job seekers"],
            },
        ),
        (
            "pengingat-wajib-lapor-ketenagakerjaan",
            NewsPage.ANNOUNCEMENT,
            _day(-20, today),
            {
                "title": "Pengingat: perusahaan wajib lapor ketenagakerjaan (WLKP) setiap tahun",
                "summary": "Setiap perusahaan di Palembang wajib melaporkan keadaan ketenagakerjaannya secara daring melalui WLKP setiap tahun.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Undang-Undang Nomor 7 Tahun 1981 mewajibkan setiap perusahaan melaporkan keadaan ketenagakerjaan: saat mendirikan, menghentikan, menjalankan kembali atau memindahkan usaha, dan setiap tahun.</p>",
                    ),
                    (
                        "paragraph",
                        f'<p>Laporan dibuat secara daring di <a href="{WLKP}">wajiblapor.kemnaker.go.id</a>. Bukti lapor diperlukan untuk layanan lain, misalnya pengesahan peraturan perusahaan.</p>',
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Butuh bantuan?",
                            "text": "<p>Petugas Bidang Perencanaan dan Pengembangan membantu pengisian WLKP setiap hari kerja di kantor Disnaker.</p>",
                        },
                    ),
                ),
                "topics": ["Perusahaan", "WLKP"],
            },
            {
                "title": "Reminder: employers must file their manpower report (WLKP) every year",
                "slug": "reminder-company-manpower-report-wlkp",
                "summary": "Every company in Palembang must report its manpower situation online through WLKP once a year.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Law No. 7 of 1981 requires every company to report its manpower situation: when it opens, closes, reopens or moves, and every year.</p>",
                    ),
                    (
                        "paragraph",
                        f'<p>Reports are made online at <a href="{WLKP}">wajiblapor.kemnaker.go.id</a>. The proof of reporting is needed for other services, such as approval of company regulations.</p>',
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Need help?",
                            "text": "<p>Staff of the Planning and Development Division help with WLKP every working day at the office.</p>",
                        },
                    ),
                ),
                "topics": ["Employers", "WLKP"],
            },
        ),
        (
            "kartu-pencari-kerja-kini-daring",
            NewsPage.NEWS,
            _day(-35, today),
            {
                "title": "Kartu pencari kerja (AK/I) kini dapat diurus secara daring",
                "summary": "Pendaftaran kartu kuning kini melalui SIAPkerja; pencari kerja cukup datang sekali untuk mengambil kartu.",
                "body": stream(
                    (
                        "paragraph",
                        f'<p>Mulai bulan ini, pencari kerja di Kota Palembang mendaftar kartu tanda bukti pendaftaran pencari kerja (AK/I) melalui <a href="{SIAPKERJA}">SIAPkerja</a>. Data diperiksa petugas di Karirhub, lalu kartu dicetak dan ditandatangani petugas antarkerja.</p>',
                    ),
                    (
                        "paragraph",
                        "<ul><li>Syarat: KTP, pas foto dan ijazah terakhir</li><li>Waktu: sekitar 15 menit setelah data lengkap</li><li>Biaya: gratis</li></ul>",
                    ),
                ),
                "topics": ["Pencari kerja", "Layanan daring"],
            },
            {
                "title": "Job-seeker cards (AK/I) can now be requested online",
                "slug": "job-seeker-card-now-online",
                "summary": "Registration for the yellow card now goes through SIAPkerja; job seekers come in once to collect the card.",
                "body": stream(
                    (
                        "paragraph",
                        f'<p>From this month, job seekers in Palembang register for the job-seeker card (AK/I) through <a href="{SIAPKERJA}">SIAPkerja</a>. An officer checks the data in Karirhub, then prints and signs the card.</p>',
                    ),
                    (
                        "paragraph",
                        "<ul><li>Requirements: identity card (KTP), a photo and your latest diploma</li><li>Time: about 15 minutes once the data is complete</li><li>Cost: free</li></ul>",
                    ),
                ),
                "topics": ["Job seekers", "Online services"],
            },
        ),
        (
            "lulusan-pelatihan-blkp",
            NewsPage.NEWS,
            _day(-52, today),
            {
                "title": "64 peserta menyelesaikan pelatihan di UPTD BLKP",
                "summary": "Peserta kejuruan las, menjahit, teknisi komputer dan tata boga menerima sertifikat pelatihan; sebagian langsung direkrut perusahaan mitra.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Sebanyak 64 peserta pelatihan berbasis kompetensi di UPTD BLKP Kota Palembang menerima sertifikat dalam acara penutupan pelatihan. Beberapa perusahaan mitra langsung mewawancarai lulusan kejuruan las dan menjahit.</p>",
                    ),
                ),
                "topics": ["Pelatihan"],
            },
            {
                "title": "64 trainees complete their courses at the training centre",
                "slug": "trainees-complete-courses",
                "summary": "Welding, sewing, computer repair and catering trainees received their certificates; some were hired straight away by partner companies.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>64 trainees of the competency-based courses at the Palembang training centre (UPTD BLKP) received their certificates at the closing ceremony. Several partner companies interviewed welding and sewing graduates on the spot.</p>",
                    ),
                ),
                "topics": ["Training"],
            },
        ),
        (
            "layanan-disnaker-di-mal-pelayanan-publik",
            NewsPage.NEWS,
            _day(-75, today),
            {
                "title": "Layanan Disnaker kini tersedia di Mal Pelayanan Publik",
                "summary": "Gerai Disnaker di Mal Pelayanan Publik Kota Palembang melayani kartu pencari kerja, konsultasi WLKP dan informasi pelatihan.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Warga kini dapat mengurus kartu pencari kerja, berkonsultasi tentang WLKP dan menanyakan jadwal pelatihan di gerai Disnaker, Mal Pelayanan Publik Kota Palembang, Jl. Merdeka No. 9, pada hari kerja.</p>",
                    ),
                ),
                "topics": ["Layanan daring", "Jadwal layanan"],
            },
            {
                "title": "Manpower Office services now at the Public Service Mall",
                "slug": "services-at-the-public-service-mall",
                "summary": "The office's counter at the Palembang Public Service Mall handles job-seeker cards, WLKP questions and training information.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Residents can now apply for a job-seeker card, ask about WLKP and check training dates at the Manpower Office counter in the Palembang Public Service Mall, Jl. Merdeka No. 9, on working days.</p>",
                    ),
                ),
                "topics": ["Online services", "Service hours"],
            },
        ),
        (
            "sosialisasi-pekerja-migran",
            NewsPage.NEWS,
            _day(-96, today),
            {
                "title": "Sosialisasi bekerja ke luar negeri secara aman di kecamatan",
                "summary": "Disnaker dan BP3MI Sumatera Selatan menjelaskan prosedur resmi menjadi Pekerja Migran Indonesia kepada warga di empat kecamatan.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Calon Pekerja Migran Indonesia wajib berangkat melalui prosedur resmi. Disnaker memberikan rekomendasi bagi calon pekerja migran yang terdaftar sebagai pencari kerja di Kota Palembang.</p>",
                    ),
                ),
                "topics": ["Pekerja migran"],
            },
            {
                "title": "Information sessions on working abroad safely held in four districts",
                "slug": "working-abroad-safely-sessions",
                "summary": "The office and BP3MI South Sumatra explained the official procedure for becoming an Indonesian migrant worker to residents of four districts.",
                "body": stream(
                    (
                        "paragraph",
                        "<p>Prospective migrant workers must leave through the official procedure. The office issues recommendations to candidates registered as job seekers in Palembang.</p>",
                    ),
                ),
                "topics": ["Migrant workers"],
            },
        ),
    ]


def _seed_news(index, today, job_fair_day, intake_day, next_year):
    for slug, kind, date, id_fields, en_fields in _news_items(today, job_fair_day, intake_day, next_year):
        id_topics, en_topics = id_fields.pop("topics"), en_fields.pop("topics")
        page_id, page_en = upsert_bilingual(index, NewsPage, slug, id_fields, en_fields, kind=kind, date=date)
        _set_topics(page_id, id_topics)
        _set_topics(page_en, en_topics)


def _events(today, job_fair_day, intake_day, next_year):
    """(slug, kind, start, end, Indonesian fields, English fields, shared fields)."""
    session_day = _day(9, today)
    past_day = _day(-40, today)
    past_fair_day = _day(-80, today)
    return [
        (
            "bursa-kerja-kota-palembang",
            EventPage.JOB_FAIR,
            _at(job_fair_day, 8),
            _at(_day(1, job_fair_day), 16),
            {
                "title": "Bursa Kerja Kota Palembang",
                "summary": "Dua hari bertemu langsung lebih dari 40 perusahaan yang membuka lowongan. Gratis.",
                "audience": "Pencari kerja lulusan SMA/SMK, diploma dan sarjana; penyandang disabilitas dipersilakan, tersedia meja layanan khusus.",
                "how_to_register": "<p>Tidak perlu mendaftar untuk masuk. Buat akun SIAPkerja dan lengkapi profil Anda di Karirhub agar dapat melamar lowongan peserta.</p>",
                "body": stream(
                    (
                        "paragraph",
                        "<ul><li>Bawa kartu pencari kerja (AK/I), surat lamaran dan daftar riwayat hidup</li><li>Wawancara di tempat oleh beberapa perusahaan</li><li>Konsultasi karier dan pembuatan kartu kuning di stan Disnaker</li></ul>",
                    ),
                ),
            },
            {
                "title": "Palembang City Job Fair",
                "slug": "palembang-city-job-fair",
                "summary": "Two days to meet more than 40 employers with vacancies in person. Free.",
                "audience": "Job seekers with a school, diploma or university qualification; people with disabilities are welcome, with a dedicated help desk.",
                "how_to_register": "<p>No registration is needed to attend. Create a SIAPkerja account and complete your Karirhub profile to apply for the vacancies on offer.</p>",
                "body": stream(
                    (
                        "paragraph",
                        "<ul><li>Bring your job-seeker card (AK/I), application letter and CV</li><li>Several employers interview on the spot</li><li>Career advice and job-seeker cards at the office's stand</li></ul>",
                    ),
                ),
            },
            {
                "location_name": "Palembang Sport and Convention Center (PSCC)",
                "address": PSCC_ADDRESS,
                "registration_url": KARIRHUB,
            },
        ),
        (
            "sesi-informasi-wlkp-dan-struktur-skala-upah",
            EventPage.INFORMATION_SESSION,
            _at(session_day, 9),
            _at(session_day, 12),
            {
                "title": "Sosialisasi WLKP dan struktur dan skala upah bagi perusahaan",
                "summary": "Cara mengisi wajib lapor ketenagakerjaan daring dan menyusun struktur dan skala upah, dengan sesi tanya jawab.",
                "audience": "Bagian personalia dan pemilik usaha di Kota Palembang.",
                "how_to_register": "<p>Kirim nama perusahaan dan jumlah peserta (paling banyak dua orang) ke surel Disnaker paling lambat dua hari sebelum acara.</p>",
                "body": stream(
                    ("paragraph", "<p>Peserta disarankan membawa laptop dan akun WLKP perusahaan.</p>"),
                ),
            },
            {
                "title": "Information session for employers: WLKP and wage structures",
                "slug": "employers-session-wlkp-wage-structures",
                "summary": "How to file the online company manpower report and set up a wage structure and scale, with questions and answers.",
                "audience": "HR staff and business owners in Palembang.",
                "how_to_register": "<p>Send the company name and the number of participants (two at most) to the office's e-mail address at least two days before the session.</p>",
                "body": stream(
                    ("paragraph", "<p>Bring a laptop and your company's WLKP account if you have one.</p>"),
                ),
            },
            {
                "location_name": "Aula Dinas Tenaga Kerja Kota Palembang",
                "address": OFFICE_ADDRESS,
                "registration_url": "",
            },
        ),
        (
            "seleksi-pelatihan-uptd-blkp",
            EventPage.TRAINING_INTAKE,
            _at(intake_day, 8),
            _at(intake_day, 14),
            {
                "title": f"Seleksi peserta pelatihan UPTD BLKP angkatan I tahun {next_year}",
                "summary": "Tes tertulis dan wawancara untuk kejuruan las listrik, menjahit, teknisi komputer dan tata boga.",
                "audience": "Warga Kota Palembang berusia 18 tahun ke atas yang telah mendaftar pelatihan di SIAPkerja.",
                "how_to_register": "<ol><li>Daftar pelatihan UPTD BLKP Kota Palembang di SIAPkerja.</li><li>Datang pada hari seleksi membawa KTP, ijazah terakhir dan kartu pencari kerja.</li></ol>",
                "body": "[]",
            },
            {
                "title": f"Selection for the training centre's intake I of {next_year}",
                "slug": "training-centre-intake-selection",
                "summary": "A written test and interview for electric welding, sewing, computer repair and catering.",
                "audience": "Palembang residents aged 18 or over who have registered for training on SIAPkerja.",
                "how_to_register": "<ol><li>Register for a UPTD BLKP Kota Palembang course on SIAPkerja.</li><li>Come on the selection day with your identity card, latest diploma and job-seeker card.</li></ol>",
                "body": "[]",
            },
            {
                "location_name": "UPTD Balai Latihan Kerja dan Produktivitas (BLKP) Kota Palembang",
                "address": BLKP_ADDRESS,
                "registration_url": SIAPKERJA,
            },
        ),
        (
            "sosialisasi-pekerja-migran-kecamatan",
            EventPage.INFORMATION_SESSION,
            _at(past_day, 9),
            _at(past_day, 12),
            {
                "title": "Sosialisasi bekerja ke luar negeri secara aman",
                "summary": "Prosedur resmi menjadi Pekerja Migran Indonesia dan cara mengenali tawaran kerja palsu.",
                "audience": "Warga yang berminat bekerja ke luar negeri dan keluarganya.",
                "how_to_register": "<p>Terbuka untuk umum tanpa pendaftaran.</p>",
                "body": "[]",
            },
            {
                "title": "Working abroad safely: information session",
                "slug": "working-abroad-safely",
                "summary": "The official procedure for becoming an Indonesian migrant worker, and how to spot fake job offers.",
                "audience": "Residents interested in working abroad, and their families.",
                "how_to_register": "<p>Open to all; no registration.</p>",
                "body": "[]",
            },
            {
                "location_name": "Kantor Camat Kalidoni",
                "address": "Jl. Mayor Zen, Kecamatan Kalidoni\nPalembang",
                "registration_url": "",
            },
        ),
        (
            "bursa-kerja-mini-disnaker",
            EventPage.JOB_FAIR,
            _at(past_fair_day, 8),
            _at(past_fair_day, 15),
            {
                "title": "Bursa kerja mini di kantor Disnaker",
                "summary": "Dua belas perusahaan ritel dan logistik membuka lowongan dan mewawancarai pelamar di tempat.",
                "audience": "Pencari kerja yang memiliki kartu AK/I.",
                "how_to_register": "<p>Datang langsung; tidak perlu mendaftar.</p>",
                "body": "[]",
            },
            {
                "title": "Mini job fair at the Manpower Office",
                "slug": "mini-job-fair",
                "summary": "Twelve retail and logistics companies offered vacancies and interviewed applicants on the spot.",
                "audience": "Job seekers holding an AK/I card.",
                "how_to_register": "<p>Walk in; no registration needed.</p>",
                "body": "[]",
            },
            {
                "location_name": "Kantor Dinas Tenaga Kerja Kota Palembang",
                "address": OFFICE_ADDRESS,
                "registration_url": "",
            },
        ),
    ]


def _seed_events(index, today, job_fair_day, intake_day, next_year):
    for slug, kind, start, end, id_fields, en_fields, shared in _events(
        today, job_fair_day, intake_day, next_year
    ):
        upsert_bilingual(
            index, EventPage, slug, id_fields, en_fields, kind=kind, start=start, end=end, **shared
        )
