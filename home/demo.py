"""Demo content of the home app: the home pages, the about page with the legal
basis, three guides, the site settings and the menus."""

from wagtail.models import Locale

from core.demo import ensure_site, stream, upsert_bilingual
from core.models import NavigationMenu, NavigationMenuItem, SiteSettings

from .models import HomePage, StandardPage

HOURS = [
    {
        "type": "hours",
        "value": {"first_day": "0", "last_day": "3", "opens": "08:00:00", "closes": "16:00:00"},
    },
    {
        "type": "hours",
        "value": {"first_day": "4", "last_day": "4", "opens": "08:00:00", "closes": "16:30:00"},
    },
]


def seed_home():
    settings = SiteSettings.load()
    settings.office_name = "Dinas Tenaga Kerja Kota Palembang"
    settings.address = (
        "Jl. Merdeka No. 1, Kelurahan 22 Ilir, Kecamatan Bukit Kecil\nPalembang 30131, Sumatera Selatan"
    )
    settings.phone = "(0711) 352 301"
    settings.whatsapp = "0811 7800 0000"
    settings.email = "disnaker@palembang.go.id"
    settings.latitude, settings.longitude = "-2.990934", "104.756554"
    settings.opening_hours = HOURS
    settings.instagram_url = "https://www.instagram.com/disnakerpalembang/"
    settings.lapor_url = "https://www.lapor.go.id/"
    settings.complaint_email = "pengaduan.disnaker@palembang.go.id"
    settings.complaint_phone = "1708"
    settings.save()
    return ensure_site(
        HomePage,
        id_fields={
            "title": "Dinas Tenaga Kerja Kota Palembang",
            "intro": "<p>Layanan ketenagakerjaan Kota Palembang secara daring: kartu pencari kerja, pelatihan, "
            "informasi lowongan, dan layanan bagi perusahaan.</p>",
            "search_description": "Situs resmi Dinas Tenaga Kerja Kota Palembang.",
        },
        en_fields={
            "title": "Manpower Office of the City of Palembang",
            "slug": "home",
            "intro": "<p>Palembang's employment services online: job-seeker cards, training, vacancy "
            "information and services for employers.</p>",
            "search_description": "Official website of the Manpower Office of the City of Palembang.",
        },
    )


LEGAL_BASIS_ID = stream(
    ("heading", {"text": "Dasar hukum", "level": "h2"}),
    (
        "paragraph",
        "<p>Situs ini dibangun berdasarkan Peraturan Walikota Palembang Nomor 44 Tahun 2016 tentang "
        "Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online di Lingkungan Dinas Tenaga Kerja "
        "Kota Palembang.</p>",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Pasal 2 huruf a",
            "text": "<p>“pembentukan jaringan informasi dan transaksi pelayanan publik yang memiliki kualitas "
            "dan lingkup yang dapat memuaskan masyarakat luas serta dapat terjangkau diseluruh wilayah Kota "
            "Palembang pada setiap saat tidak dibatasi oleh sekat waktu dan dengan biaya yang terjangkau oleh "
            "masyarakat”</p>",
        },
    ),
    ("heading", {"text": "Tahapan pengembangan", "level": "h2"}),
    (
        "steps",
        {
            "steps": [
                {
                    "title": "Persiapan",
                    "text": "<p>Situs web dinas, sarana akses publik, sosialisasi layanan.</p>",
                },
                {
                    "title": "Pematangan",
                    "text": "<p>Situs informasi publik interaktif dan antarmuka dengan lembaga lain.</p>",
                },
                {
                    "title": "Pemantapan",
                    "text": "<p>Situs transaksi pelayanan publik dan interoperabilitas data.</p>",
                },
                {"title": "Pemanfaatan", "text": "<p>Layanan G2G, G2C dan G2B.</p>"},
            ]
        },
    ),
)

LEGAL_BASIS_EN = stream(
    ("heading", {"text": "Legal basis", "level": "h2"}),
    (
        "paragraph",
        "<p>This site is built under Palembang Mayor Regulation No. 44 of 2016 on developing online "
        "public employment services at the Manpower Office of the City of Palembang.</p>",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Article 2(a)",
            "text": "<p>“an information and transaction network for public services of a quality and reach "
            "that satisfies the public, available across the City of Palembang at any time, without limits "
            "of time and at a cost the public can afford”</p>",
        },
    ),
    ("heading", {"text": "Stages of development", "level": "h2"}),
    (
        "steps",
        {
            "steps": [
                {
                    "title": "Preparation",
                    "text": "<p>The office website, public access points, informing the public.</p>",
                },
                {
                    "title": "Maturation",
                    "text": "<p>An interactive public-information site and interfaces to other institutions.</p>",
                },
                {
                    "title": "Consolidation",
                    "text": "<p>Public-service transaction sites and data interoperability.</p>",
                },
                {"title": "Utilisation", "text": "<p>G2G, G2C and G2B services.</p>"},
            ]
        },
    ),
)

GUIDES = [
    (
        "cara-membuat-kartu-pencari-kerja",
        {
            "title": "Cara membuat kartu pencari kerja (AK/I)",
            "summary": "Langkah membuat kartu kuning secara daring melalui SIAPkerja dan mengambilnya di loket.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Kartu pencari kerja (AK/I, “kartu kuning”) gratis dan berlaku dua tahun.</p>",
                ),
                (
                    "steps",
                    {
                        "steps": [
                            {
                                "title": "Daftar akun SIAPkerja",
                                "text": "<p>Siapkan KTP dan alamat e-mail aktif.</p>",
                            },
                            {
                                "title": "Lengkapi profil pencari kerja",
                                "text": "<p>Unggah pas foto dan ijazah terakhir.</p>",
                            },
                            {
                                "title": "Datang ke loket",
                                "text": "<p>Bawa KTP asli; kartu dicetak dan ditandatangani petugas.</p>",
                            },
                        ]
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Gratis",
                        "text": "<p>Pembuatan kartu tidak dipungut biaya apa pun.</p>",
                    },
                ),
            ),
        },
        {
            "title": "How to get a job-seeker card (AK/I)",
            "slug": "how-to-get-a-job-seeker-card",
            "summary": "The steps to get the yellow card online through SIAPkerja and collect it at the counter.",
            "body": stream(
                (
                    "paragraph",
                    "<p>The job-seeker card (AK/I, the “yellow card”) is free and valid for two years.</p>",
                ),
                (
                    "steps",
                    {
                        "steps": [
                            {
                                "title": "Create a SIAPkerja account",
                                "text": "<p>Have your identity card and an e-mail address ready.</p>",
                            },
                            {
                                "title": "Complete your job-seeker profile",
                                "text": "<p>Upload a photo and your latest diploma.</p>",
                            },
                            {
                                "title": "Come to the counter",
                                "text": "<p>Bring your identity card; an officer prints and signs the card.</p>",
                            },
                        ]
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Free of charge",
                        "text": "<p>Nobody may charge you for the card.</p>",
                    },
                ),
            ),
        },
    ),
    (
        "panduan-wajib-lapor-ketenagakerjaan",
        {
            "title": "Panduan wajib lapor ketenagakerjaan bagi perusahaan",
            "summary": "Kewajiban perusahaan melaporkan data ketenagakerjaan setiap tahun melalui WLKP daring.",
            "body": stream(
                (
                    "paragraph",
                    "<p>Setiap perusahaan wajib melaporkan keadaan ketenagakerjaannya setiap tahun.</p>",
                ),
                (
                    "accordion",
                    {
                        "items": [
                            {
                                "title": "Siapa yang wajib lapor?",
                                "content": "<p>Setiap pengusaha yang mempekerjakan pekerja.</p>",
                            },
                            {
                                "title": "Kapan melapor?",
                                "content": "<p>Setiap tahun, dan saat perusahaan didirikan, pindah atau tutup.</p>",
                            },
                        ]
                    },
                ),
            ),
        },
        {
            "title": "Company manpower reporting: a guide for employers",
            "slug": "company-manpower-reporting-guide",
            "summary": "Companies report their manpower data every year through the online WLKP system.",
            "body": stream(
                ("paragraph", "<p>Every company must report its manpower situation every year.</p>"),
                (
                    "accordion",
                    {
                        "items": [
                            {
                                "title": "Who must report?",
                                "content": "<p>Every employer that employs workers.</p>",
                            },
                            {
                                "title": "When do I report?",
                                "content": "<p>Every year, and when the company opens, moves or closes.</p>",
                            },
                        ]
                    },
                ),
            ),
        },
    ),
    (
        "panduan-pelatihan-di-blk",
        {
            "title": "Panduan mengikuti pelatihan di UPTD BLKP",
            "summary": "Pelatihan berbasis kompetensi gratis di Balai Latihan Kerja: kejuruan, syarat dan jadwal.",
            "body": stream(
                ("paragraph", "<p>UPTD BLKP menyelenggarakan pelatihan berbasis kompetensi tanpa biaya.</p>"),
                (
                    "table",
                    {
                        "caption": "Kejuruan dan lama pelatihan",
                        "table": {
                            "data": [
                                ["Kejuruan", "Lama"],
                                ["Las listrik", "240 jam"],
                                ["Menjahit", "200 jam"],
                                ["Teknisi komputer", "160 jam"],
                            ],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                        },
                    },
                ),
            ),
        },
        {
            "title": "A guide to training at the vocational training centre",
            "slug": "training-at-the-vocational-training-centre",
            "summary": "Free competency-based training at the training centre: trades, requirements and schedule.",
            "body": stream(
                (
                    "paragraph",
                    "<p>The training centre (UPTD BLKP) runs competency-based training free of charge.</p>",
                ),
                (
                    "table",
                    {
                        "caption": "Trades and length of training",
                        "table": {
                            "data": [
                                ["Trade", "Length"],
                                ["Electric welding", "240 hours"],
                                ["Sewing", "200 hours"],
                                ["Computer technician", "160 hours"],
                            ],
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                        },
                    },
                ),
            ),
        },
    ),
]


def seed(homes):
    about_id, about_en = upsert_bilingual(
        homes.id,
        StandardPage,
        "tentang-kami",
        {
            "title": "Tentang Kami",
            "summary": "Tugas, dasar hukum dan arah pengembangan layanan daring Disnaker.",
            "body": LEGAL_BASIS_ID,
        },
        {
            "title": "About us",
            "slug": "about-us",
            "summary": "Our duties, legal basis and the plan for online services.",
            "body": LEGAL_BASIS_EN,
        },
        show_in_menus=True,
    )
    guides_id, guides_en = upsert_bilingual(
        homes.id,
        StandardPage,
        "panduan",
        {
            "title": "Panduan",
            "summary": "Panduan langkah demi langkah untuk pencari kerja dan perusahaan.",
            "body": stream(("paragraph", "<p>Pilih panduan yang Anda perlukan.</p>")),
        },
        {
            "title": "Guides",
            "slug": "guides",
            "summary": "Step-by-step guides for job seekers and employers.",
            "body": stream(("paragraph", "<p>Choose the guide you need.</p>")),
        },
        show_in_menus=True,
    )
    for slug, id_fields, en_fields in GUIDES:
        upsert_bilingual(guides_id, StandardPage, slug, id_fields, en_fields)
    _seed_privacy_notice(homes)

    _seed_featured_links(homes)
    _seed_menus(homes)


def _seed_privacy_notice(homes):
    # The text lives with the purge it describes (privacy.demo): its retention
    # period is PERSONAL_DATA_RETENTION_DAYS.
    from privacy.demo import notice_bodies

    body_id, body_en = notice_bodies()
    privacy_id, _privacy_en = upsert_bilingual(
        homes.id,
        StandardPage,
        "kebijakan-privasi",
        {
            "title": "Pemberitahuan Privasi",
            "summary": "Bagaimana kami menggunakan dan melindungi data pribadi yang Anda kirim.",
            "body": body_id,
        },
        {
            "title": "Privacy notice",
            "slug": "privacy-notice",
            "summary": "How we use and protect the personal data you send us.",
            "body": body_en,
        },
    )
    settings = SiteSettings.load()
    settings.privacy_page = privacy_id
    settings.save()


def _seed_featured_links(homes):
    for stale in (homes.id, homes.en):
        # Re-read: other seeders added children, and saving a stale copy would
        # reset the tree's child count.
        home = HomePage.objects.get(pk=stale.pk)
        sections = home.get_children().live().in_menu().specific()
        home.featured_links = [
            {
                "type": "link",
                "value": {
                    "page": page.pk,
                    "url": "",
                    "title": "",
                    "description": getattr(page, "summary", "") or getattr(page, "intro", ""),
                },
            }
            for page in sections
        ]
        home.save_revision().publish()


def _seed_menus(homes):
    for stale in (homes.id, homes.en):
        home = HomePage.objects.get(pk=stale.pk)
        locale = home.locale
        menu, _ = NavigationMenu.objects.get_or_create(slot=NavigationMenu.MAIN, locale=locale)
        menu.items.all().delete()
        for order, page in enumerate(home.get_children().live().in_menu()):
            NavigationMenuItem.objects.create(menu=menu, link_page=page, sort_order=order)
        footer, _ = NavigationMenu.objects.get_or_create(slot=NavigationMenu.FOOTER, locale=locale)
        footer.items.all().delete()
        for order, page in enumerate(
            home.get_children().live().exclude(pk__in=menu.items.values("link_page"))
        ):
            NavigationMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)
        _translation_keys(footer, menu)


def _translation_keys(*menus):
    """Menus of the two languages share a translation key so wagtail-localize
    treats them as one snippet in two languages."""
    for menu in menus:
        twin = NavigationMenu.objects.filter(slot=menu.slot, locale=Locale.get_default()).first()
        if twin and twin.pk != menu.pk and menu.translation_key != twin.translation_key:
            menu.translation_key = twin.translation_key
            menu.save(update_fields=["translation_key"])
