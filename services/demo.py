"""Demo content of the services app: the directory with the office's service
pledge, twelve published service standards and two journeys.

Runs after ``regulations.demo`` and ``offices.demo``; a regulation or a
division that is not there is simply left out, so this also runs alone.
"""

import uuid
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.demo import stream, upsert_bilingual

from .choices import Category, FieldKind, HowToApply, TimeUnit
from .models import (
    JourneyPage,
    JourneyStep,
    RelatedService,
    ServiceFormField,
    ServiceIndexPage,
    ServiceLegalBasis,
    ServicePage,
)

MAIN_COUNTER = (
    "Loket Pelayanan Terpadu, lantai 1, Kantor Dinas Tenaga Kerja Kota Palembang\nJl. Merdeka No. 1, Palembang",
    "Integrated service counter, ground floor, Manpower Office of the City of Palembang\nJl. Merdeka No. 1, Palembang",
)
INDUSTRIAL_RELATIONS_COUNTER = (
    "Ruang Pelayanan Hubungan Industrial, lantai 2, Kantor Dinas Tenaga Kerja Kota Palembang\n"
    "Jl. Merdeka No. 1, Palembang",
    "Industrial relations service room, first floor, Manpower Office of the City of Palembang\n"
    "Jl. Merdeka No. 1, Palembang",
)
TRAINING_COUNTER = (
    "Sekretariat UPTD Balai Latihan Kerja (BLKP) Kota Palembang",
    "Office of the city's vocational training centre (UPTD BLKP)",
)
TRAINING_HOURS = [
    {
        "type": "hours",
        "value": {"first_day": "0", "last_day": "4", "opens": "08:00:00", "closes": "15:00:00"},
    }
]

PLEDGE_ID = (
    "<p><b>Maklumat Pelayanan</b></p>"
    "<p>Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
    "ditetapkan, memberikan pelayanan tanpa pungutan di luar ketentuan, dan apabila tidak menepati janji ini, "
    "kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.</p>"
    "<p>Kepala Dinas Tenaga Kerja Kota Palembang</p>"
)
PLEDGE_EN = (
    "<p><b>Service pledge (Maklumat Pelayanan)</b></p>"
    "<p>We declare that we will deliver our services according to the published service standards, charge "
    "nothing beyond what the rules allow, and, should we fail to keep this promise, accept the sanctions set "
    "by law.</p>"
    "<p>Head of the Manpower Office of the City of Palembang</p>"
)

#: The management components most services share; a service may override any.
MANAGEMENT = {
    "facilities": (
        "<ul><li>Ruang tunggu dengan kursi dan nomor antrean</li><li>Loket layanan dan meja informasi</li>"
        "<li>Anjungan komputer dengan akses internet untuk mendaftar daring</li>"
        "<li>Toilet, musala, dan jalur landai bagi penyandang disabilitas</li></ul>",
        "<ul><li>A waiting room with seats and queue numbers</li><li>Service counters and an information desk</li>"
        "<li>A computer kiosk with internet access for applying online</li>"
        "<li>Toilets, a prayer room and a ramp for people with disabilities</li></ul>",
    ),
    "staff_competence": (
        "<p>Aparatur sipil negara yang memahami peraturan ketenagakerjaan, mampu mengoperasikan aplikasi layanan, "
        "dan telah mengikuti pelatihan pelayanan prima.</p>",
        "<p>Civil servants who know the manpower regulations, can use the service systems and have been "
        "trained in customer service.</p>",
    ),
    "internal_supervision": (
        "<p>Pengawasan melekat oleh Kepala Bidang dan Kepala Dinas, serta pemeriksaan berkala oleh Inspektorat "
        "Kota Palembang.</p>",
        "<p>Day-to-day supervision by the head of the division and the head of the office, and periodic audits "
        "by the Palembang City Inspectorate.</p>",
    ),
    "service_guarantee": (
        "<p>Layanan diberikan sesuai standar pelayanan ini, tanpa biaya di luar ketentuan. Jika jangka waktu "
        "tidak terpenuhi, sampaikan pengaduan dan kami wajib menindaklanjutinya.</p>",
        "<p>The service is delivered as this standard says, with no charge beyond the rules. If the time is "
        "not met, complain and we must follow it up.</p>",
    ),
    "security_guarantee": (
        "<p>Dokumen dan data pribadi pemohon dijaga kerahasiaannya sesuai Undang-Undang Nomor 27 Tahun 2022 "
        "tentang Pelindungan Data Pribadi dan hanya dipakai untuk layanan ini. Ruang layanan dilengkapi alat "
        "pemadam api ringan, jalur evakuasi dan CCTV.</p>",
        "<p>Applicants' documents and personal data are kept confidential under Law No. 27 of 2022 on Personal "
        "Data Protection and used for this service only. The service rooms have fire extinguishers, evacuation "
        "routes and CCTV.</p>",
    ),
    "performance_evaluation": (
        "<p>Kinerja pelaksana dievaluasi setiap tiga bulan oleh Kepala Bidang, dan kepuasan pengguna diukur "
        "melalui Survei Kepuasan Masyarakat paling sedikit sekali setahun.</p>",
        "<p>The head of the division reviews staff performance every three months, and user satisfaction is "
        "measured by the public satisfaction survey (SKM) at least once a year.</p>",
    ),
}


def _req(id_item, en_item, id_note="", en_note=""):
    return (id_item, id_note, en_item, en_note)


def _step(id_title, id_text, en_title, en_text):
    return (id_title, id_text, en_title, en_text)


#: Every service: its standard in Indonesian and English. ``division`` names a
#: division by its likely codes and a word of its name (the offices app owns them).
SERVICES = [
    {
        "slug": "kartu-pencari-kerja-ak1",
        "en_slug": "job-seeker-card-ak1",
        "title": ("Kartu Pencari Kerja (AK/I)", "Job-seeker card (AK/I)"),
        "summary": (
            "Kartu Tanda Bukti Pendaftaran Pencari Kerja (“kartu kuning”) untuk melamar kerja, gratis.",
            "The job-seeker registration card (the “yellow card”) you need to apply for jobs, free of charge.",
        ),
        "audiences": ["for_citizens"],
        "category": Category.JOB_SEEKERS,
        "division": (["penempatan", "bidang-penempatan", "ppkk"], "Penempatan"),
        "how": HowToApply.EXTERNAL,
        "external": ("SIAPkerja", "https://account.kemnaker.go.id/"),
        "counter": MAIN_COUNTER,
        "requirements": [
            _req(
                "KTP elektronik",
                "Electronic identity card (KTP)",
                "Asli, untuk diperiksa",
                "The original, to be checked",
            ),
            _req("Pas foto berwarna ukuran 3×4", "Colour photo, 3×4 cm", "2 lembar", "2 copies"),
            _req(
                "Ijazah pendidikan terakhir",
                "Latest diploma",
                "Asli dan fotokopi",
                "Original and a photocopy",
            ),
            _req(
                "Sertifikat pelatihan atau keterampilan",
                "Training or skills certificates",
                "Jika ada",
                "If any",
            ),
            _req("Akun SIAPkerja", "A SIAPkerja account", "Dibuat di langkah 1", "Made in step 1"),
        ],
        "steps": [
            _step(
                "Daftar akun SIAPkerja",
                "<p>Buat akun di SIAPkerja dengan NIK dan alamat e-mail aktif.</p>",
                "Create a SIAPkerja account",
                "<p>Create an account on SIAPkerja with your identity number and an e-mail address.</p>",
            ),
            _step(
                "Lengkapi profil pencari kerja",
                "<p>Isi pendidikan dan pengalaman, unggah pas foto dan ijazah, lalu ajukan kartu AK/I.</p>",
                "Complete your job-seeker profile",
                "<p>Fill in your education and experience, upload your photo and diploma, and apply for the card.</p>",
            ),
            _step(
                "Verifikasi oleh petugas",
                "<p>Petugas memeriksa data Anda di Karirhub. Bila ada yang kurang, Anda diberi tahu lewat e-mail.</p>",
                "Check by an officer",
                "<p>An officer checks your data in Karirhub and tells you by e-mail if anything is missing.</p>",
            ),
            _step(
                "Ambil kartu di loket",
                "<p>Bawa KTP asli; kartu dicetak dan ditandatangani petugas antar kerja.</p>",
                "Collect the card at the counter",
                "<p>Bring your identity card; the employment officer prints and signs your card.</p>",
            ),
        ],
        "time": (
            15,
            TimeUnit.MINUTES,
            "di loket, setelah data daring lengkap",
            "at the counter, once your online data is complete",
        ),
        "cost_note": ("Tidak dipungut biaya apa pun.", "Nobody may charge you for the card."),
        "product": (
            "Kartu AK/I, berlaku dua tahun; pemegang kartu melapor setiap enam bulan bila belum bekerja.",
            "The AK/I card, valid for two years; holders report every six months while still looking for work.",
        ),
        "legal": [
            ("uu-13-2003", "Pasal 8", "Article 8"),
            ("perwali-44-2016", "", ""),
            ("permenpan-rb-15-2014", "", ""),
        ],
        "legal_other": (
            "Peraturan Menteri Ketenagakerjaan Nomor 39 Tahun 2016 tentang Penempatan Tenaga Kerja",
            "Minister of Manpower Regulation No. 39 of 2016 on Job Placement",
        ),
        "staff": 4,
    },
    {
        "slug": "pendaftaran-pelatihan-berbasis-kompetensi",
        "en_slug": "competency-based-training-registration",
        "title": (
            "Pendaftaran pelatihan berbasis kompetensi di UPTD BLKP",
            "Registration for competency-based training",
        ),
        "summary": (
            "Daftar pelatihan kerja gratis di Balai Latihan Kerja: las, menjahit, teknisi komputer dan lainnya.",
            "Sign up for free vocational training at the city's training centre: welding, sewing, computer repair and more.",
        ),
        "audiences": ["for_citizens"],
        "category": Category.TRAINING,
        "division": (["uptd-blkp", "blkp", "blk", "pelatihan"], "BLK"),
        "how": HowToApply.ONLINE_FORM,
        "counter": TRAINING_COUNTER,
        "hours": TRAINING_HOURS,
        "requirements": [
            _req(
                "KTP Kota Palembang",
                "Palembang identity card (KTP)",
                "Berusia 17 tahun ke atas",
                "Aged 17 or over",
            ),
            _req("Kartu pencari kerja (AK/I)", "Job-seeker card (AK/I)", "Masih berlaku", "Still valid"),
            _req("Ijazah terakhir", "Latest diploma", "Sesuai syarat kejuruan", "As the trade requires"),
            _req(
                "Surat keterangan sehat",
                "Health certificate",
                "Dari puskesmas",
                "From a community health centre",
            ),
        ],
        "steps": [
            _step(
                "Pilih kejuruan dan daftar",
                "<p>Pilih kejuruan yang dibuka dan isi formulir pendaftaran.</p>",
                "Choose a trade and register",
                "<p>Choose one of the open trades and fill in the registration form.</p>",
            ),
            _step(
                "Ikuti seleksi",
                "<p>Tes tertulis dan wawancara di UPTD BLKP sesuai jadwal yang diumumkan.</p>",
                "Take the selection",
                "<p>A written test and an interview at the training centre on the announced date.</p>",
            ),
            _step(
                "Pengumuman peserta",
                "<p>Peserta yang lulus diumumkan di situs ini dan diberi tahu lewat pesan.</p>",
                "List of participants",
                "<p>Those selected are announced on this site and told by message.</p>",
            ),
            _step(
                "Ikuti pelatihan dan uji kompetensi",
                "<p>Pelatihan 160 sampai 240 jam, diakhiri uji kompetensi.</p>",
                "Train and take the competency test",
                "<p>160 to 240 hours of training, ending with a competency test.</p>",
            ),
        ],
        "time": (
            3,
            TimeUnit.WORKING_DAYS,
            "sampai hasil seleksi diumumkan",
            "until the selection result is announced",
        ),
        "cost_note": (
            "Pelatihan, bahan dan uji kompetensi dibiayai pemerintah.",
            "Training, materials and the competency test are paid for by the government.",
        ),
        "product": (
            "Sertifikat pelatihan dari UPTD BLKP dan, bila lulus uji, sertifikat kompetensi.",
            "A training certificate from the training centre and, if you pass the test, a competency certificate.",
        ),
        "legal": [("uu-13-2003", "Pasal 9 sampai 30", "Articles 9 to 30"), ("perwali-44-2016", "", "")],
        "legal_other": (
            "Peraturan Pemerintah Nomor 31 Tahun 2006 tentang Sistem Pelatihan Kerja Nasional",
            "Government Regulation No. 31 of 2006 on the National Vocational Training System",
        ),
        "staff": 12,
        "staff_competence": (
            "<p>Instruktur bersertifikat kompetensi di kejuruannya dan petugas administrasi pelatihan.</p>",
            "<p>Instructors certified in their trade, and training administrators.</p>",
        ),
    },
    {
        "slug": "informasi-lowongan-dan-bursa-kerja",
        "en_slug": "job-vacancies-and-job-fairs",
        "title": ("Informasi lowongan kerja dan bursa kerja", "Job vacancy information and job fairs"),
        "summary": (
            "Lowongan dari perusahaan di Palembang dan pendaftaran bursa kerja bagi pencari kerja dan perusahaan.",
            "Vacancies from Palembang employers, and registration for job fairs for job seekers and employers.",
        ),
        "audiences": ["for_citizens", "for_businesses"],
        "category": Category.JOB_SEEKERS,
        "division": (["penempatan", "bidang-penempatan", "ppkk"], "Penempatan"),
        "how": HowToApply.ONLINE_FORM,
        "counter": MAIN_COUNTER,
        "requirements": [
            _req(
                "Kartu pencari kerja (AK/I)",
                "Job-seeker card (AK/I)",
                "Bagi pencari kerja",
                "For job seekers",
            ),
            _req(
                "Surat lamaran dan daftar riwayat hidup",
                "Cover letter and CV",
                "Bagi pencari kerja",
                "For job seekers",
            ),
            _req(
                "Data lowongan: jabatan, syarat, jumlah",
                "Vacancy details: job, requirements, number",
                "Bagi perusahaan",
                "For employers",
            ),
            _req(
                "Nomor Induk Berusaha (NIB)",
                "Business identification number (NIB)",
                "Bagi perusahaan",
                "For employers",
            ),
        ],
        "steps": [
            _step(
                "Isi formulir",
                "<p>Pencari kerja mendaftar sebagai pengunjung; perusahaan mendaftarkan lowongan atau stan.</p>",
                "Fill in the form",
                "<p>Job seekers register as visitors; employers register a vacancy or a stand.</p>",
            ),
            _step(
                "Verifikasi",
                "<p>Petugas memeriksa data perusahaan dan lowongan agar tidak ada lowongan palsu.</p>",
                "Check",
                "<p>An officer checks the employer and the vacancy so that no fake vacancy is published.</p>",
            ),
            _step(
                "Pengumuman",
                "<p>Lowongan diumumkan di situs ini dan di papan informasi; bursa kerja dijadwalkan di Agenda.</p>",
                "Publication",
                "<p>Vacancies are published on this site and the notice board; job fairs appear in the events calendar.</p>",
            ),
        ],
        "time": (2, TimeUnit.WORKING_DAYS, "sampai lowongan diumumkan", "until the vacancy is published"),
        "cost_note": (
            "Gratis bagi pencari kerja dan perusahaan, termasuk stan bursa kerja.",
            "Free for job seekers and employers, job-fair stands included.",
        ),
        "product": (
            "Informasi lowongan yang terverifikasi dan tanda daftar bursa kerja.",
            "Checked vacancy information and a job-fair registration.",
        ),
        "legal": [("uu-13-2003", "Pasal 35 sampai 38", "Articles 35 to 38"), ("perwali-44-2016", "", "")],
        "legal_other": (
            "Peraturan Menteri Ketenagakerjaan Nomor 39 Tahun 2016 tentang Penempatan Tenaga Kerja",
            "Minister of Manpower Regulation No. 39 of 2016 on Job Placement",
        ),
        "staff": 5,
    },
    {
        "slug": "wajib-lapor-ketenagakerjaan-wlkp",
        "en_slug": "company-manpower-reporting-wlkp",
        "title": ("Wajib Lapor Ketenagakerjaan di Perusahaan (WLKP)", "Company manpower reporting (WLKP)"),
        "summary": (
            "Laporan tahunan keadaan ketenagakerjaan perusahaan melalui sistem WLKP Kementerian Ketenagakerjaan.",
            "The yearly report of a company's workforce, made on the Ministry of Manpower's WLKP system.",
        ),
        "audiences": ["for_businesses"],
        "category": Category.COMPANY_OBLIGATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.EXTERNAL,
        "external": ("WLKP", "https://wajiblapor.kemnaker.go.id/"),
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "requirements": [
            _req(
                "Akun WLKP perusahaan", "The company's WLKP account", "Didaftarkan sekali", "Registered once"
            ),
            _req("Nomor Induk Berusaha (NIB)", "Business identification number (NIB)"),
            _req(
                "Data pekerja menurut jabatan, pendidikan dan jenis kelamin",
                "Workers by job, education and sex",
            ),
            _req("Data BPJS Ketenagakerjaan dan BPJS Kesehatan", "Social security (BPJS) membership data"),
        ],
        "steps": [
            _step(
                "Masuk ke WLKP",
                "<p>Masuk dengan akun perusahaan, atau daftar bila belum punya.</p>",
                "Sign in to WLKP",
                "<p>Sign in with the company's account, or register if it has none.</p>",
            ),
            _step(
                "Isi laporan",
                "<p>Isi data perusahaan dan pekerja, lalu kirim laporan.</p>",
                "Fill in the report",
                "<p>Enter the company and workforce data and send the report.</p>",
            ),
            _step(
                "Verifikasi dinas",
                "<p>Dinas memeriksa laporan perusahaan di Palembang dan mengesahkannya.</p>",
                "Check by the office",
                "<p>The office checks reports of Palembang companies and validates them.</p>",
            ),
            _step(
                "Unduh tanda bukti",
                "<p>Tanda bukti wajib lapor dapat diunduh dari WLKP.</p>",
                "Download the receipt",
                "<p>The reporting receipt can be downloaded from WLKP.</p>",
            ),
        ],
        "time": (
            1,
            TimeUnit.WORKING_DAYS,
            "untuk verifikasi setelah laporan dikirim",
            "for the check once the report is sent",
        ),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Tanda bukti wajib lapor ketenagakerjaan, diperbarui setiap tahun.",
            "The manpower reporting receipt, renewed every year.",
        ),
        "legal": [("uu-13-2003", "", ""), ("uu-6-2023", "", "")],
        "legal_other": (
            "Undang-Undang Nomor 7 Tahun 1981 tentang Wajib Lapor Ketenagakerjaan di Perusahaan\n"
            "Peraturan Menteri Ketenagakerjaan Nomor 18 Tahun 2017 tentang Wajib Lapor Ketenagakerjaan secara Daring",
            "Law No. 7 of 1981 on Compulsory Manpower Reporting by Companies\n"
            "Minister of Manpower Regulation No. 18 of 2017 on Online Compulsory Manpower Reporting",
        ),
        "staff": 3,
    },
    {
        "slug": "pengesahan-peraturan-perusahaan",
        "en_slug": "approval-of-company-regulations",
        "title": ("Pengesahan Peraturan Perusahaan", "Approval of company regulations"),
        "summary": (
            "Pengesahan peraturan perusahaan bagi perusahaan dengan sepuluh pekerja atau lebih.",
            "Approval of the company regulations every company with ten or more workers must have.",
        ),
        "audiences": ["for_businesses"],
        "category": Category.COMPANY_OBLIGATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.COUNTER,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "forms": [("Formulir permohonan pengesahan peraturan perusahaan", "formulir-pengesahan-pp")],
        "requirements": [
            _req(
                "Surat permohonan pengesahan",
                "Letter asking for approval",
                "Formulir tersedia di halaman ini",
                "Form on this page",
            ),
            _req(
                "Naskah peraturan perusahaan",
                "Text of the company regulations",
                "3 rangkap, ditandatangani pimpinan",
                "3 copies, signed by management",
            ),
            _req(
                "Bukti saran dan pertimbangan wakil pekerja",
                "Proof that workers' representatives were consulted",
            ),
            _req(
                "Tanda bukti wajib lapor ketenagakerjaan (WLKP)",
                "Manpower reporting receipt (WLKP)",
                "Tahun berjalan",
                "For this year",
            ),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Serahkan berkas lengkap di loket.</p>",
                "Hand in the documents",
                "<p>Hand in the complete documents at the counter.</p>",
            ),
            _step(
                "Penelitian naskah",
                "<p>Petugas memeriksa isi peraturan perusahaan terhadap peraturan perundang-undangan.</p>",
                "Review of the text",
                "<p>An officer checks the regulations against the law.</p>",
            ),
            _step(
                "Perbaikan bila perlu",
                "<p>Bila ada yang harus diperbaiki, berkas dikembalikan dengan catatan.</p>",
                "Corrections if needed",
                "<p>If anything must change, the documents come back with notes.</p>",
            ),
            _step(
                "Surat keputusan pengesahan",
                "<p>Kepala Dinas menandatangani surat keputusan pengesahan.</p>",
                "Approval decision",
                "<p>The head of the office signs the approval decision.</p>",
            ),
        ],
        "time": (
            7,
            TimeUnit.WORKING_DAYS,
            "sejak berkas diterima lengkap",
            "from the day complete documents are received",
        ),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Surat keputusan pengesahan peraturan perusahaan, berlaku paling lama dua tahun.",
            "The decision approving the company regulations, valid for at most two years.",
        ),
        "legal": [
            ("uu-13-2003", "Pasal 108 sampai 115", "Articles 108 to 115"),
            ("uu-6-2023", "", ""),
            ("permenaker-28-2014", "", ""),
        ],
        "staff": 3,
    },
    {
        "slug": "pendaftaran-perjanjian-kerja-bersama",
        "en_slug": "registration-of-collective-labour-agreements",
        "title": (
            "Pendaftaran Perjanjian Kerja Bersama (PKB)",
            "Registration of collective labour agreements (PKB)",
        ),
        "summary": (
            "Pendaftaran perjanjian kerja bersama antara pengusaha dan serikat pekerja.",
            "Registration of the collective agreement made by an employer and a trade union.",
        ),
        "audiences": ["for_businesses", "for_citizens"],
        "category": Category.INDUSTRIAL_RELATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.COUNTER,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "forms": [("Formulir permohonan pendaftaran perjanjian kerja bersama", "formulir-pendaftaran-pkb")],
        "requirements": [
            _req(
                "Surat permohonan pendaftaran",
                "Letter asking for registration",
                "Formulir tersedia di halaman ini",
                "Form on this page",
            ),
            _req(
                "Naskah PKB",
                "Text of the agreement",
                "3 rangkap, ditandatangani kedua pihak",
                "3 copies, signed by both parties",
            ),
            _req("Bukti pencatatan serikat pekerja", "Proof that the trade union is recorded"),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Serahkan berkas lengkap di loket.</p>",
                "Hand in the documents",
                "<p>Hand in the complete documents at the counter.</p>",
            ),
            _step(
                "Penelitian naskah",
                "<p>Petugas memeriksa isi PKB.</p>",
                "Review of the text",
                "<p>An officer reviews the agreement.</p>",
            ),
            _step(
                "Surat keputusan pendaftaran",
                "<p>Kepala Dinas menandatangani surat keputusan pendaftaran.</p>",
                "Registration decision",
                "<p>The head of the office signs the registration decision.</p>",
            ),
        ],
        "time": (
            6,
            TimeUnit.WORKING_DAYS,
            "sejak berkas diterima lengkap",
            "from the day complete documents are received",
        ),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Surat keputusan pendaftaran perjanjian kerja bersama.",
            "The decision registering the collective labour agreement.",
        ),
        "legal": [
            ("uu-13-2003", "Pasal 116 sampai 135", "Articles 116 to 135"),
            ("permenaker-28-2014", "", ""),
        ],
        "staff": 3,
    },
    {
        "slug": "pencatatan-pkwt",
        "en_slug": "recording-fixed-term-contracts",
        "title": (
            "Pencatatan Perjanjian Kerja Waktu Tertentu (PKWT)",
            "Recording of fixed-term employment contracts (PKWT)",
        ),
        "summary": (
            "Pencatatan kontrak kerja waktu tertentu yang dibuat perusahaan dengan pekerjanya.",
            "Recording of the fixed-term contracts a company makes with its workers.",
        ),
        "audiences": ["for_businesses"],
        "category": Category.COMPANY_OBLIGATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.ONLINE_FORM,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "requirements": [
            _req("Surat permohonan pencatatan", "Letter asking for recording"),
            _req("Naskah PKWT", "The contracts", "Ditandatangani kedua pihak", "Signed by both parties"),
            _req("Daftar nama pekerja PKWT", "List of the workers on fixed-term contracts"),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Serahkan berkas di loket paling lambat 3 hari kerja sejak PKWT ditandatangani.</p>",
                "Hand in the documents",
                "<p>Hand in the documents within 3 working days of signing.</p>",
            ),
            _step(
                "Pemeriksaan",
                "<p>Petugas memeriksa jangka waktu dan jenis pekerjaan.</p>",
                "Check",
                "<p>An officer checks the length and the kind of work.</p>",
            ),
            _step(
                "Bukti pencatatan",
                "<p>Anda menerima bukti pencatatan PKWT.</p>",
                "Proof of recording",
                "<p>You receive the proof of recording.</p>",
            ),
        ],
        "time": (3, TimeUnit.WORKING_DAYS, "", ""),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": ("Bukti pencatatan PKWT.", "Proof that the contracts are recorded."),
        "legal": [
            ("uu-13-2003", "Pasal 56 sampai 59", "Articles 56 to 59"),
            ("uu-6-2023", "", ""),
            ("pp-35-2021", "Pasal 13 dan 14", "Articles 13 and 14"),
        ],
        "staff": 2,
    },
    {
        "slug": "mediasi-perselisihan-hubungan-industrial",
        "en_slug": "industrial-dispute-mediation",
        "title": ("Mediasi perselisihan hubungan industrial", "Industrial dispute recording and mediation"),
        "summary": (
            "Pencatatan perselisihan antara pekerja dan pengusaha dan penyelesaiannya oleh mediator dinas.",
            "Recording of a dispute between workers and an employer, and its mediation by the office's mediators.",
        ),
        "audiences": ["for_citizens", "for_businesses"],
        "category": Category.INDUSTRIAL_RELATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.COUNTER,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "requirements": [
            _req("Surat permohonan pencatatan perselisihan", "Letter asking to record the dispute"),
            _req(
                "Risalah perundingan bipartit",
                "Minutes of the two-party (bipartite) negotiation",
                "Bukti perundingan sudah gagal",
                "Proof that it failed",
            ),
            _req("Identitas para pihak", "Identity of both parties"),
            _req("Surat kuasa", "Power of attorney", "Bila diwakili", "If represented"),
        ],
        "steps": [
            _step(
                "Pencatatan",
                "<p>Serahkan permohonan dan risalah bipartit di loket.</p>",
                "Recording",
                "<p>Hand in the request and the bipartite minutes at the counter.</p>",
            ),
            _step(
                "Penunjukan mediator",
                "<p>Kepala Dinas menunjuk mediator dalam 7 hari kerja.</p>",
                "A mediator is appointed",
                "<p>The head of the office appoints a mediator within 7 working days.</p>",
            ),
            _step(
                "Sidang mediasi",
                "<p>Mediator memanggil para pihak dan memimpin perundingan.</p>",
                "Mediation hearings",
                "<p>The mediator calls both parties and leads the talks.</p>",
            ),
            _step(
                "Perjanjian bersama atau anjuran",
                "<p>Bila sepakat dibuat perjanjian bersama; bila tidak, mediator mengeluarkan anjuran tertulis.</p>",
                "Agreement or recommendation",
                "<p>If the parties agree, they sign an agreement; if not, the mediator issues a written recommendation.</p>",
            ),
        ],
        "time": (
            30,
            TimeUnit.WORKING_DAYS,
            "sejak mediator menerima pelimpahan",
            "from the day the mediator takes the case",
        ),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Perjanjian bersama atau anjuran tertulis mediator.",
            "A signed agreement or the mediator's written recommendation.",
        ),
        "legal": [("uu-13-2003", "", ""), ("uu-6-2023", "", "")],
        "legal_other": (
            "Undang-Undang Nomor 2 Tahun 2004 tentang Penyelesaian Perselisihan Hubungan Industrial",
            "Law No. 2 of 2004 on Settling Industrial Relations Disputes",
        ),
        "staff": 4,
        "staff_competence": (
            "<p>Mediator hubungan industrial yang diangkat Menteri Ketenagakerjaan dan berpengalaman menangani perselisihan.</p>",
            "<p>Industrial relations mediators appointed by the Minister of Manpower and experienced in disputes.</p>",
        ),
    },
    {
        "slug": "pencatatan-serikat-pekerja",
        "en_slug": "recording-of-trade-unions",
        "title": ("Pencatatan serikat pekerja/serikat buruh", "Recording of trade unions"),
        "summary": (
            "Pencatatan serikat pekerja/serikat buruh dan lembaga kerja sama bipartit di perusahaan.",
            "Recording of trade unions and of bipartite cooperation bodies (LKS Bipartit) in companies.",
        ),
        "audiences": ["for_citizens", "for_businesses"],
        "category": Category.INDUSTRIAL_RELATIONS,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.COUNTER,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "requirements": [
            _req("Surat permohonan pencatatan", "Letter asking for recording"),
            _req("Daftar nama anggota pembentuk", "List of founding members"),
            _req("Anggaran dasar dan anggaran rumah tangga", "Statutes and by-laws"),
            _req("Susunan pengurus", "List of officers"),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Serahkan berkas di loket.</p>",
                "Hand in the documents",
                "<p>Hand in the documents at the counter.</p>",
            ),
            _step(
                "Penelitian",
                "<p>Petugas memeriksa kelengkapan dan anggaran dasar.</p>",
                "Review",
                "<p>An officer checks the documents and the statutes.</p>",
            ),
            _step(
                "Nomor bukti pencatatan",
                "<p>Serikat menerima nomor bukti pencatatan.</p>",
                "Record number",
                "<p>The union receives its record number.</p>",
            ),
        ],
        "time": (21, TimeUnit.WORKING_DAYS, "", ""),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Nomor bukti pencatatan serikat pekerja/serikat buruh.",
            "The trade union's record number.",
        ),
        "legal": [("uu-13-2003", "Pasal 104", "Article 104")],
        "legal_other": (
            "Undang-Undang Nomor 21 Tahun 2000 tentang Serikat Pekerja/Serikat Buruh",
            "Law No. 21 of 2000 on Trade Unions",
        ),
        "staff": 2,
    },
    {
        "slug": "rekomendasi-calon-pekerja-migran",
        "en_slug": "migrant-worker-candidate-recommendation",
        "title": (
            "Rekomendasi calon Pekerja Migran Indonesia (CPMI)",
            "Recommendation for migrant-worker candidates (CPMI)",
        ),
        "summary": (
            "Surat rekomendasi bagi warga Palembang yang akan bekerja ke luar negeri secara resmi.",
            "The recommendation letter Palembang residents need to work abroad through official channels.",
        ),
        "audiences": ["for_citizens"],
        "category": Category.MIGRANT_WORKERS,
        "division": (["penempatan", "bidang-penempatan", "ppkk"], "Penempatan"),
        "how": HowToApply.COUNTER,
        "counter": MAIN_COUNTER,
        "forms": [("Formulir permohonan rekomendasi CPMI", "formulir-rekomendasi-cpmi")],
        "requirements": [
            _req("KTP dan Kartu Keluarga Kota Palembang", "Palembang identity card and family card"),
            _req("Kartu pencari kerja (AK/I)", "Job-seeker card (AK/I)"),
            _req(
                "Surat izin keluarga",
                "Family consent letter",
                "Diketahui lurah",
                "Acknowledged by the village head",
            ),
            _req(
                "Perjanjian penempatan dengan perusahaan penempatan resmi (P3MI)",
                "Placement agreement with a licensed placement company (P3MI)",
            ),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Datang sendiri ke loket dengan berkas lengkap.</p>",
                "Hand in the documents",
                "<p>Come in person to the counter with the complete documents.</p>",
            ),
            _step(
                "Wawancara",
                "<p>Petugas memastikan Anda berangkat secara sukarela dan melalui jalur resmi.</p>",
                "Interview",
                "<p>An officer makes sure you go of your own will and through official channels.</p>",
            ),
            _step(
                "Surat rekomendasi",
                "<p>Surat rekomendasi ditandatangani dan diserahkan.</p>",
                "Recommendation letter",
                "<p>The letter is signed and handed to you.</p>",
            ),
        ],
        "time": (1, TimeUnit.WORKING_DAYS, "", ""),
        "cost_note": ("Tidak dipungut biaya. Waspadai calo.", "No fee is charged. Beware of brokers."),
        "product": (
            "Surat rekomendasi calon Pekerja Migran Indonesia.",
            "The recommendation letter for a migrant-worker candidate.",
        ),
        "legal": [("uu-13-2003", "", "")],
        "legal_other": (
            "Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia",
            "Law No. 18 of 2017 on the Protection of Indonesian Migrant Workers",
        ),
        "staff": 2,
    },
    {
        "slug": "izin-lembaga-pelatihan-kerja",
        "en_slug": "training-institution-licensing",
        "title": (
            "Izin dan pendaftaran Lembaga Pelatihan Kerja (LPK)",
            "Licensing of training institutions (LPK)",
        ),
        "summary": (
            "Izin bagi lembaga pelatihan kerja swasta dan pendaftaran bursa kerja khusus di sekolah.",
            "Licences for private training institutions and registration of job exchanges at schools.",
        ),
        "audiences": ["for_businesses", "for_institutions"],
        "category": Category.TRAINING,
        "division": (["pelatihan", "bidang-pelatihan", "pelatihan-produktivitas"], "Pelatihan"),
        "how": HowToApply.COUNTER,
        "counter": MAIN_COUNTER,
        "requirements": [
            _req("Akta pendirian lembaga", "Deed of establishment"),
            _req("Nomor Induk Berusaha (NIB)", "Business identification number (NIB)"),
            _req("Program pelatihan berbasis kompetensi", "Competency-based training programme"),
            _req("Daftar instruktur dan tenaga pelatihan", "List of instructors and staff"),
            _req(
                "Bukti sarana dan prasarana",
                "Proof of premises and equipment",
                "Foto dan denah",
                "Photos and floor plan",
            ),
        ],
        "steps": [
            _step(
                "Serahkan berkas",
                "<p>Serahkan berkas di loket.</p>",
                "Hand in the documents",
                "<p>Hand in the documents at the counter.</p>",
            ),
            _step(
                "Verifikasi lapangan",
                "<p>Tim dinas memeriksa tempat pelatihan.</p>",
                "Site visit",
                "<p>A team from the office visits the premises.</p>",
            ),
            _step(
                "Penerbitan izin",
                "<p>Izin atau tanda daftar diterbitkan.</p>",
                "Licence issued",
                "<p>The licence or registration is issued.</p>",
            ),
        ],
        "time": (
            10,
            TimeUnit.WORKING_DAYS,
            "sejak berkas diterima lengkap",
            "from the day complete documents are received",
        ),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Izin atau tanda daftar lembaga pelatihan kerja.",
            "The training institution's licence or registration.",
        ),
        "legal": [("uu-13-2003", "Pasal 13 dan 14", "Articles 13 and 14"), ("uu-6-2023", "", "")],
        "legal_other": (
            "Peraturan Menteri Ketenagakerjaan Nomor 17 Tahun 2016 tentang Tata Cara Perizinan dan Pendaftaran Lembaga Pelatihan Kerja",
            "Minister of Manpower Regulation No. 17 of 2016 on Licensing and Registering Training Institutions",
        ),
        "staff": 2,
    },
    {
        "slug": "konsultasi-ketenagakerjaan-dan-laporan-phk",
        "en_slug": "labour-consultation-and-layoff-reports",
        "title": ("Konsultasi ketenagakerjaan dan laporan PHK", "Labour consultation and layoff reports"),
        "summary": (
            "Tanya soal hak dan kewajiban kerja, atau laporkan pemutusan hubungan kerja (PHK).",
            "Ask about rights and duties at work, or report a dismissal or layoff (PHK).",
        ),
        "audiences": ["for_citizens", "for_businesses", "for_institutions"],
        "category": Category.INFORMATION,
        "division": (
            ["hubungan-industrial", "hi", "hijamsos", "bidang-hubungan-industrial"],
            "Hubungan Industrial",
        ),
        "how": HowToApply.ONLINE_FORM,
        "counter": INDUSTRIAL_RELATIONS_COUNTER,
        "requirements": [
            _req("Uraian pertanyaan atau kejadian", "Your question, or what happened"),
            _req(
                "Surat PHK atau perjanjian kerja",
                "Dismissal letter or employment contract",
                "Bila ada",
                "If any",
            ),
            _req(
                "Nomor telepon atau e-mail", "Telephone number or e-mail", "Untuk jawaban", "For the answer"
            ),
        ],
        "steps": [
            _step(
                "Sampaikan pertanyaan atau laporan",
                "<p>Isi formulir atau datang ke ruang pelayanan.</p>",
                "Send your question or report",
                "<p>Fill in the form or come to the service room.</p>",
            ),
            _step(
                "Jawaban petugas",
                "<p>Petugas menjawab dan, bila perlu, mengundang Anda untuk konsultasi langsung.</p>",
                "An officer answers",
                "<p>An officer answers and, if needed, invites you to talk in person.</p>",
            ),
            _step(
                "Tindak lanjut",
                "<p>Laporan PHK dicatat; perselisihan diarahkan ke mediasi.</p>",
                "Follow-up",
                "<p>Layoff reports are recorded; disputes are referred to mediation.</p>",
            ),
        ],
        "time": (3, TimeUnit.WORKING_DAYS, "sampai jawaban pertama", "until the first answer"),
        "cost_note": ("Tidak dipungut biaya.", "No fee is charged."),
        "product": (
            "Jawaban tertulis dan tanda terima laporan PHK.",
            "A written answer and a receipt for a layoff report.",
        ),
        "legal": [
            ("uu-13-2003", "Pasal 150 sampai 172", "Articles 150 to 172"),
            ("uu-6-2023", "", ""),
            ("pp-35-2021", "", ""),
        ],
        "staff": 3,
    },
]

RELATED = {
    "kartu-pencari-kerja-ak1": [
        "pendaftaran-pelatihan-berbasis-kompetensi",
        "informasi-lowongan-dan-bursa-kerja",
    ],
    "pendaftaran-pelatihan-berbasis-kompetensi": ["kartu-pencari-kerja-ak1", "izin-lembaga-pelatihan-kerja"],
    "informasi-lowongan-dan-bursa-kerja": ["kartu-pencari-kerja-ak1", "rekomendasi-calon-pekerja-migran"],
    "wajib-lapor-ketenagakerjaan-wlkp": ["pengesahan-peraturan-perusahaan", "pencatatan-pkwt"],
    "pengesahan-peraturan-perusahaan": [
        "pendaftaran-perjanjian-kerja-bersama",
        "wajib-lapor-ketenagakerjaan-wlkp",
    ],
    "pendaftaran-perjanjian-kerja-bersama": ["pencatatan-serikat-pekerja", "pengesahan-peraturan-perusahaan"],
    "pencatatan-pkwt": ["wajib-lapor-ketenagakerjaan-wlkp"],
    "mediasi-perselisihan-hubungan-industrial": ["konsultasi-ketenagakerjaan-dan-laporan-phk"],
    "pencatatan-serikat-pekerja": ["pendaftaran-perjanjian-kerja-bersama"],
    "rekomendasi-calon-pekerja-migran": ["kartu-pencari-kerja-ak1"],
    "konsultasi-ketenagakerjaan-dan-laporan-phk": ["mediasi-perselisihan-hubungan-industrial"],
}

JOURNEYS = [
    {
        "slug": "dari-pencari-kerja-ke-penempatan",
        "en_slug": "from-job-seeker-to-placement",
        "title": ("Dari pencari kerja ke penempatan", "From job seeker to placement"),
        "intro": (
            "Tiga langkah dari mendaftar sebagai pencari kerja sampai mendapat pekerjaan.",
            "Three steps from registering as a job seeker to getting a job.",
        ),
        "steps": [
            (
                "kartu-pencari-kerja-ak1",
                "Daftar sebagai pencari kerja: kartu AK/I dibutuhkan untuk pelatihan dan melamar kerja.",
                "Register as a job seeker: you need the AK/I card for training and job applications.",
            ),
            (
                "pendaftaran-pelatihan-berbasis-kompetensi",
                "Tingkatkan keterampilan dengan pelatihan gratis di UPTD BLKP.",
                "Build your skills with free training at the city's training centre.",
            ),
            (
                "informasi-lowongan-dan-bursa-kerja",
                "Temukan lowongan dan temui perusahaan di bursa kerja.",
                "Find vacancies and meet employers at job fairs.",
            ),
        ],
    },
    {
        "slug": "kewajiban-perusahaan-yang-mempekerjakan-pekerja",
        "en_slug": "obligations-of-an-employer",
        "title": ("Kewajiban perusahaan yang mempekerjakan pekerja", "What an employer must do"),
        "intro": (
            "Urutan kewajiban ketenagakerjaan sejak perusahaan mulai mempekerjakan pekerja.",
            "The manpower obligations of a company, in order, from its first workers on.",
        ),
        "steps": [
            (
                "wajib-lapor-ketenagakerjaan-wlkp",
                "Laporkan keadaan ketenagakerjaan perusahaan setiap tahun.",
                "Report your workforce every year.",
            ),
            (
                "pencatatan-pkwt",
                "Catatkan kontrak kerja waktu tertentu.",
                "Record fixed-term contracts.",
            ),
            (
                "pengesahan-peraturan-perusahaan",
                "Dengan sepuluh pekerja atau lebih, sahkan peraturan perusahaan.",
                "With ten or more workers, have your company regulations approved.",
            ),
        ],
    },
]


#: The development back-end that ships with the project (integrations/views.py):
#: `make run` serves it on its own host and port (``seed_demo --base-url``, see
#: ``point_dev_backend_at``) and the worker forwards applications to it.
DEV_BACKEND_PATH = "/integrations/dev-backend/dev/"
DEV_SERVER_URL = "http://127.0.0.1:8000"
DEV_BACKEND = {
    "slug": "dev",
    "name": "Development back-end",
    "endpoint_url": DEV_SERVER_URL + DEV_BACKEND_PATH,
    # Demo data only: a real back-end gets its own secret in the admin.
    "signing_secret": "dev-only-signing-secret-of-the-development-back-end",
}


def _q(kind, name, label, help_text=("", ""), required=True, **extra):
    return {"kind": kind, "name": name, "label": label, "help": help_text, "required": required, **extra}


_NAME = _q(
    FieldKind.TEXT, "full_name", ("Nama lengkap", "Full name"), ("Sesuai KTP.", "As on your identity card.")
)
_NIK = _q(FieldKind.NIK, "nik", ("NIK", "Identity number (NIK)"))
_PHONE = _q(
    FieldKind.PHONE,
    "phone",
    ("Nomor HP/WhatsApp", "Mobile or WhatsApp number"),
    ("Untuk kabar tentang permohonan Anda.", "For news about your application."),
)
_EMAIL = _q(
    FieldKind.EMAIL,
    "email",
    ("Alamat e-mail", "E-mail address"),
    (
        "Kami kirim nomor registrasi dan kabar status ke sini.",
        "We send the reference number and status news here.",
    ),
    required=False,
)

#: The questions of each online form, by service slug.
FORMS = {
    "pendaftaran-pelatihan-berbasis-kompetensi": [
        _NAME,
        _NIK,
        _q(FieldKind.DATE, "birth_date", ("Tanggal lahir", "Date of birth")),
        _PHONE,
        _EMAIL,
        _q(
            FieldKind.CHOICE,
            "trade",
            ("Kejuruan yang dipilih", "Trade you choose"),
            choices="Las / Welding\nMenjahit / Sewing\nTeknisi komputer / Computer repair\n"
            "Tata boga / Catering\nOtomotif / Automotive\nTata rias / Beauty",
        ),
        _q(
            FieldKind.CHOICE,
            "education",
            ("Pendidikan terakhir", "Latest education"),
            choices="SD / Primary\nSMP / Junior secondary\nSMA/SMK / Senior secondary\nD3/S1 / Diploma or degree",
        ),
        _q(
            FieldKind.FILE,
            "ktp_scan",
            ("Foto atau pindaian KTP", "Photo or scan of your identity card (KTP)"),
            file_types="pdf,jpeg,png",
        ),
        _q(
            FieldKind.FILE,
            "ak1_card",
            ("Kartu pencari kerja (AK/I)", "Job-seeker card (AK/I)"),
            required=False,
            file_types="pdf,jpeg,png",
        ),
    ],
    "informasi-lowongan-dan-bursa-kerja": [
        _NAME,
        _PHONE,
        _EMAIL,
        _q(
            FieldKind.CHOICE,
            "registering_as",
            ("Mendaftar sebagai", "Registering as"),
            choices="Pencari kerja / Job seeker\nPerusahaan peserta / Exhibiting employer",
        ),
        _q(
            FieldKind.TEXT,
            "company",
            ("Nama perusahaan", "Company name"),
            ("Hanya untuk perusahaan peserta.", "Only for exhibiting employers."),
            required=False,
        ),
        _q(
            FieldKind.FILE,
            "cv",
            ("Daftar riwayat hidup (CV)", "Curriculum vitae (CV)"),
            ("Boleh dikosongkan.", "You may leave this out."),
            required=False,
            file_types="pdf",
        ),
    ],
    "pencatatan-pkwt": [
        _q(FieldKind.TEXT, "company", ("Nama perusahaan", "Company name")),
        _q(FieldKind.TEXT, "contact_person", ("Nama penanggung jawab", "Contact person")),
        _PHONE,
        {**_EMAIL, "required": True},
        _q(
            FieldKind.NUMBER,
            "workers",
            ("Jumlah pekerja PKWT", "Number of workers on the contracts"),
            min_value=1,
            max_value=5000,
        ),
        _q(FieldKind.DATE, "signed_on", ("Tanggal penandatanganan PKWT", "Date the contracts were signed")),
        _q(
            FieldKind.FILE,
            "contracts",
            ("Naskah PKWT dan daftar pekerja", "The contracts and the list of workers"),
            ("Satu berkas PDF.", "One PDF file."),
            file_types="pdf",
        ),
    ],
    "konsultasi-ketenagakerjaan-dan-laporan-phk": [
        _NAME,
        _PHONE,
        _EMAIL,
        _q(
            FieldKind.CHOICE,
            "topic",
            ("Jenis", "Kind"),
            choices="Konsultasi / Consultation\nLaporan PHK / Layoff report\nLainnya / Other",
        ),
        _q(FieldKind.TEXT, "company", ("Nama perusahaan", "Company name"), required=False),
        _q(
            FieldKind.NUMBER,
            "workers_affected",
            ("Jumlah pekerja yang di-PHK", "Number of workers laid off"),
            ("Hanya untuk laporan PHK.", "Only for a layoff report."),
            required=False,
            min_value=1,
        ),
        _q(
            FieldKind.TEXTAREA,
            "question",
            ("Pertanyaan atau uraian kejadian", "Your question, or what happened"),
            max_length=4000,
        ),
        _q(
            FieldKind.FILE,
            "document",
            ("Surat PHK atau perjanjian kerja", "Dismissal letter or employment contract"),
            ("Bila ada.", "If you have one."),
            required=False,
            file_types="pdf,jpeg,png",
        ),
    ],
}

#: Namespace of the translation keys of the demo questions (stable between runs).
_FORM_NAMESPACE = uuid.UUID("6f1d2b0e-8c4e-4f7a-9a55-3b1f0c2d7e11")


def dev_backend():
    """The development back-end record (created once; an edited one is left alone)."""
    from integrations.models import TransactionBackend

    backend, _created = TransactionBackend.objects.get_or_create(
        slug=DEV_BACKEND["slug"],
        defaults={key: value for key, value in DEV_BACKEND.items() if key != "slug"},
    )
    return backend


def point_dev_backend_at(base_url):
    """The development back-end at the server ``base_url`` (e.g. http://127.0.0.1:8765,
    what `make run` serves). A record staff pointed at another path is left alone."""
    backend = dev_backend()
    if urlsplit(backend.endpoint_url).path != DEV_BACKEND_PATH:
        return backend
    endpoint_url = base_url.rstrip("/") + DEV_BACKEND_PATH
    if backend.endpoint_url != endpoint_url:
        backend.endpoint_url = endpoint_url
        backend.save(update_fields=["endpoint_url"])
    return backend


def _form_fields(slug, language):
    return [
        ServiceFormField(
            translation_key=uuid.uuid5(_FORM_NAMESPACE, f"{slug}:{spec['name']}"),
            sort_order=order,
            label=spec["label"][language],
            help_text=spec["help"][language],
            kind=spec["kind"],
            name=spec["name"],
            required=spec["required"],
            choices=spec.get("choices", ""),
            max_length=spec.get("max_length"),
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            file_types=spec.get("file_types", ""),
        )
        for order, spec in enumerate(FORMS.get(slug, []))
    ]


def _locales():
    return Locale.objects.get(language_code="id"), Locale.objects.get(language_code="en")


def _regulations():
    """The regulations of the library by slug, in both languages; empty when the app has none."""
    try:
        from regulations.models import RegulationPage
    except ImportError:  # pragma: no cover - the app is always installed here
        return {}
    locale_id, locale_en = _locales()
    found = {}
    for page in RegulationPage.objects.filter(locale__in=[locale_id, locale_en]):
        found.setdefault(page.slug, {})[page.locale_id] = page
    return found


def _division(spec):
    """The Indonesian division for ``(codes, word)``: by code first, then by a word of its name."""
    from offices.models import Division

    codes, word = spec
    locale_id, _locale_en = _locales()
    divisions = Division.objects.filter(locale=locale_id)
    for code in codes:
        division = divisions.filter(code=code).first()
        if division is not None:
            return division
    return divisions.filter(name__icontains=word).order_by("sort_order", "pk").first()


def _blank_form(title, filename):
    """A small PDF form as a Wagtail document, created on the first run only."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        try:
            from regulations.demo import minimal_pdf

            data, extension = (
                minimal_pdf([title, "", "Dinas Tenaga Kerja Kota Palembang", "", "Nama:", "Alamat:"]),
                "pdf",
            )
        except ImportError:
            data, extension = f"{title}\n\nNama:\nAlamat:\n".encode(), "txt"
        document = Document(title=title)
        document.file.save(f"{filename}.{extension}", ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def _fields(service, language):
    """The fields of one language: 0 Indonesian, 1 English."""
    lang = language
    fields = {
        "title": service["title"][lang],
        "summary": service["summary"][lang],
        "requirements": stream(
            *[
                ("requirement", {"item": r[2 * lang], "note": r[2 * lang + 1]})
                for r in service["requirements"]
            ]
        ),
        "procedure": stream(
            *[("step", {"title": s[2 * lang], "text": s[2 * lang + 1]}) for s in service["steps"]]
        ),
        "time_note": service["time"][2 + lang],
        "cost_note": service["cost_note"][lang],
        "product": service["product"][lang],
        "counter_location": service["counter"][lang],
        "legal_basis_other": service.get("legal_other", ("", ""))[lang],
    }
    for name, texts in MANAGEMENT.items():
        fields[name] = service.get(name, texts)[lang]
    if language == 1:
        fields["slug"] = service["en_slug"]
    return fields


def _shared(service):
    shared = {
        "category": service["category"],
        "for_citizens": "for_citizens" in service["audiences"],
        "for_businesses": "for_businesses" in service["audiences"],
        "for_institutions": "for_institutions" in service["audiences"],
        "how_to_apply": service["how"],
        "external_system": service.get("external", ("", ""))[0],
        "external_url": service.get("external", ("", ""))[1],
        "counter_hours": service.get("hours", []),
        "counter_phone": "",
        "time_amount": service["time"][0],
        "time_unit": service["time"][1],
        "cost": 0,
        "number_of_staff": service["staff"],
        "transaction_backend": dev_backend() if service["how"] == HowToApply.ONLINE_FORM else None,
        "blank_forms": stream(
            *[
                ("document", {"document": _blank_form(title, filename).pk, "title": ""})
                for title, filename in service.get("forms", [])
            ]
        ),
    }
    return shared


def _localized(obj, locale):
    if obj is None:
        return None
    return obj.get_translation_or_none(locale) or obj


def seed(homes):
    locale_id, locale_en = _locales()
    index_id, index_en = upsert_bilingual(
        homes.id,
        ServiceIndexPage,
        "layanan",
        {
            "title": "Layanan",
            "intro": "Semua layanan Dinas Tenaga Kerja Kota Palembang dengan standar pelayanannya: persyaratan, "
            "prosedur, waktu, biaya dan cara mengajukan. Cari menurut nama, sasaran, kategori atau bidang.",
            "pledge": PLEDGE_ID,
            "search_description": "Direktori layanan dan standar pelayanan Dinas Tenaga Kerja Kota Palembang.",
        },
        {
            "title": "Services",
            "slug": "services",
            "intro": "Every service of the Manpower Office of the City of Palembang with its published standard: "
            "requirements, procedure, time, cost and how to apply. Find one by name, audience, category or division.",
            "pledge": PLEDGE_EN,
            "search_description": "Directory of services and service standards of the Palembang Manpower Office.",
        },
        show_in_menus=True,
    )

    regulations = _regulations()
    pages = {}
    for service in SERVICES:
        division = _division(service["division"])
        page_id, page_en = upsert_bilingual(
            index_id,
            ServicePage,
            service["slug"],
            {**_fields(service, 0), "division": division},
            {**_fields(service, 1), "division": _localized(division, locale_en)},
            **_shared(service),
        )
        pages[service["slug"]] = (page_id, page_en)

    # Links between pages, once every page exists: legal bases and related services.
    for service in SERVICES:
        for language, locale in enumerate((locale_id, locale_en)):
            page = ServicePage.objects.get(pk=pages[service["slug"]][language].pk)
            legal = []
            for slug, *notes in service.get("legal", []):
                regulation = regulations.get(slug, {})
                regulation = regulation.get(locale.pk) or regulation.get(locale_id.pk)
                if regulation is not None:
                    legal.append(
                        ServiceLegalBasis(regulation=regulation, note=notes[language], sort_order=len(legal))
                    )
            page.legal_bases = legal
            page.related_services = [
                RelatedService(target=pages[slug][language], sort_order=order)
                for order, slug in enumerate(RELATED.get(service["slug"], []))
                if slug in pages
            ]
            page.form_fields = _form_fields(service["slug"], language)
            page.save_revision().publish()

    for journey in JOURNEYS:
        journey_id, journey_en = upsert_bilingual(
            index_id,
            JourneyPage,
            journey["slug"],
            {"title": journey["title"][0], "intro": journey["intro"][0]},
            {"title": journey["title"][1], "slug": journey["en_slug"], "intro": journey["intro"][1]},
        )
        for language, page in enumerate((journey_id, journey_en)):
            page = JourneyPage.objects.get(pk=page.pk)
            page.steps = [
                JourneyStep(service=pages[slug][language], explanation=texts[language], sort_order=order)
                for order, (slug, *texts) in enumerate(journey["steps"])
                if slug in pages
            ]
            page.save_revision().publish()
    return index_id, index_en
