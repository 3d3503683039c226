"""Demo content of the regulations library: real regulations a city manpower
office works under, each with a small generated PDF, and the links between them.

The PDFs are placeholders that name the regulation; the official texts are at
JDIH (peraturan.go.id, jdih.palembang.go.id).
"""

import datetime
import textwrap

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from core.demo import stream, upsert_bilingual

from .choices import INDONESIAN_NAMES, RegulationStatus, RegulationType, RelationKind
from .models import RegulationIndexPage, RegulationPage, RelatedRegulation

PRESIDENT = ("Presiden Republik Indonesia", "President of the Republic of Indonesia")
MENPAN = (
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Minister of State Apparatus Empowerment and Bureaucratic Reform",
)

PERWALI_44_BODY_ID = stream(
    ("heading", {"text": "Tujuan (Pasal 2)", "level": "h2"}),
    (
        "paragraph",
        "<p>Pengembangan pelayanan publik ketenagakerjaan berbasis online bertujuan dan diarahkan pada:</p>"
        "<ol>"
        "<li>pembentukan jaringan informasi dan transaksi pelayanan publik yang memiliki kualitas dan lingkup yang "
        "dapat memuaskan masyarakat luas serta dapat terjangkau diseluruh wilayah Kota Palembang pada setiap saat "
        "tidak dibatasi oleh sekat waktu dan dengan biaya yang terjangkau oleh masyarakat;</li>"
        "<li>pembentukan hubungan interaktif dengan dunia usaha untuk meningkatkan perkembangan perekonomian "
        "regional dan nasional serta memperkuat kemampuan menghadapi perubahan dan persaingan perdagangan "
        "internasional;</li>"
        "<li>pembentukan mekanisme dan saluran komunikasi dengan lembaga-lembaga pemerintah serta penyediaan "
        "fasilitas dialog publik bagi masyarakat agar dapat berpartisipasi dalam perumusan kebijakan pemerintah; "
        "dan</li>"
        "<li>pembentukan sistem manajemen dan proses kerja yang transparan dan efisien serta memperlancar transaksi "
        "dan layanan antarlembaga pemerintah dan pemerintah daerah otonomi.</li>"
        "</ol>",
    ),
    ("heading", {"text": "Tahapan (Pasal 5)", "level": "h2"}),
    (
        "accordion",
        {
            "items": [
                {
                    "title": "Ayat (1): tahap persiapan",
                    "content": "<ol>"
                    "<li>pembuatan situs Web Pemerintah berdasarkan pedoman Penyelenggaraan Situs Web Pemerintah "
                    "Daerah di setiap lembaga;</li>"
                    "<li>pendidikan dan Pelatihan sumberdaya manusia menuju penerapan pengembangan pelayanan publik "
                    "ketenagakerjaan berbasis online;</li>"
                    "<li>penyediaan sarana akses publik antara lain dalam bentuk <i>Multipurpose Community center</i> "
                    "(MCC), warung, dan kios internet dan lain-lain;</li>"
                    "<li>sosialisasi keberadaan layanan informasi elektronik, baik untuk publik maupun pengguna "
                    "internal;</li>"
                    "<li>pengembangan motivasi kepemimpinan (<i>e-leadership</i>) dan kesadaran akan pentingnya "
                    "manfaat pengembangan pelayanan publik ketenagakerjaan berbasis online; dan</li>"
                    "<li>Penyiapan peraturan pendukung.</li>"
                    "</ol>",
                },
                {
                    "title": "Ayat (2): tahap pematangan",
                    "content": "<ol><li>pembuatan situs informasi publik interaktif; dan</li>"
                    "<li>pembuatan antarmuka keterhubungan dengan lembaga lain.</li></ol>",
                },
                {
                    "title": "Ayat (3): tahap pemantapan",
                    "content": "<ol><li>pembuatan situs transaksi pelayanan publik; dan</li>"
                    "<li>pembuatan Interoperabilitas aplikasi maupun data dengan lembaga lain.</li></ol>",
                },
                {
                    "title": "Ayat (4): tahap pemanfaatan",
                    "content": "<p>Tahap pemanfaatan meliputi <i>Government to Government</i> (G2G), "
                    "<i>Government to Community</i> (G2C), dan <i>Government to Business</i> (G2B).</p>",
                },
            ]
        },
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Perpustakaan regulasi ini",
            "text": "<p>Halaman ini adalah pelaksanaan Pasal 5 ayat (1) huruf f: “Penyiapan peraturan "
            "pendukung.”</p>",
        },
    ),
)

PERWALI_44_BODY_EN = stream(
    ("heading", {"text": "Aims (Article 2)", "level": "h2"}),
    (
        "paragraph",
        "<p>Developing online public employment services aims at:</p>"
        "<ol>"
        "<li>an information and transaction network for public services of a quality and reach that satisfies the "
        "public, available across the City of Palembang at any time, without limits of time and at a cost the "
        "public can afford;</li>"
        "<li>interactive relations with business, to grow the regional and national economy and to strengthen the "
        "ability to face change and international trade competition;</li>"
        "<li>mechanisms and channels of communication with government institutions, and a public-dialogue "
        "facility so that citizens can take part in making government policy; and</li>"
        "<li>a transparent and efficient management system and work processes that ease transactions and "
        "services between government institutions and autonomous regional governments.</li>"
        "</ol>",
    ),
    ("heading", {"text": "Stages (Article 5)", "level": "h2"}),
    (
        "accordion",
        {
            "items": [
                {
                    "title": "Paragraph (1): preparation",
                    "content": "<ol>"
                    "<li>a government website following the guideline for local-government websites, in every "
                    "institution;</li>"
                    "<li>education and training of staff for online public employment services;</li>"
                    "<li>public access points such as multipurpose community centres (MCC), kiosks and internet "
                    "kiosks;</li>"
                    "<li>making electronic information services known to the public and to staff;</li>"
                    "<li>motivating leadership (<i>e-leadership</i>) and awareness of the benefits of online public "
                    "employment services; and</li>"
                    "<li>preparing supporting regulations.</li>"
                    "</ol>",
                },
                {
                    "title": "Paragraph (2): maturation",
                    "content": "<ol><li>an interactive public-information site; and</li>"
                    "<li>interfaces connecting with other institutions.</li></ol>",
                },
                {
                    "title": "Paragraph (3): consolidation",
                    "content": "<ol><li>a public-service transaction site; and</li>"
                    "<li>interoperability of applications and data with other institutions.</li></ol>",
                },
                {
                    "title": "Paragraph (4): utilisation",
                    "content": "<p>Utilisation covers Government to Government (G2G), Government to Community "
                    "(G2C) and Government to Business (G2B).</p>",
                },
            ]
        },
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "This library",
            "text": "<p>This library carries out Article 5(1)(f): “preparing supporting regulations.” The "
            "Indonesian text is the authoritative one; this translation is for information.</p>",
        },
    ),
)

#: slug: (type, number, year, date enacted, status, issuer (id, en), title (id, en), summary (id, en))
REGULATIONS = {
    "perwali-44-2016": (
        RegulationType.PERWALI,
        "44",
        2016,
        datetime.date(2016, 11, 25),
        RegulationStatus.IN_FORCE,
        ("Walikota Palembang", "Mayor of Palembang"),
        (
            "Pengembangan Pelayanan Publik Ketenagakerjaan Berbasis Online di Lingkungan Dinas Tenaga Kerja Kota Palembang",
            "Developing Online Public Employment Services at the Manpower Office of the City of Palembang",
        ),
        (
            "Dasar hukum situs ini: tujuan, strategi dan empat tahap pengembangan layanan ketenagakerjaan daring "
            "Dinas Tenaga Kerja Kota Palembang, dari situs web sampai layanan G2G, G2C dan G2B.",
            "The legal basis of this site: the aims, strategy and four stages of the office's online employment "
            "services, from the website to G2G, G2C and G2B services.",
        ),
    ),
    "uu-13-2003": (
        RegulationType.UU,
        "13",
        2003,
        datetime.date(2003, 3, 25),
        RegulationStatus.AMENDED,
        PRESIDENT,
        ("Ketenagakerjaan", "Manpower"),
        (
            "Undang-undang pokok ketenagakerjaan: pelatihan kerja, penempatan tenaga kerja, hubungan kerja, "
            "perlindungan, pengupahan, hubungan industrial dan pemutusan hubungan kerja. Sebagian pasalnya telah "
            "diubah dengan UU 6/2023.",
            "The principal manpower law: vocational training, placement, employment relations, protection, wages, "
            "industrial relations and termination of employment. Some of its articles were amended by Law 6/2023.",
        ),
    ),
    "uu-6-2023": (
        RegulationType.UU,
        "6",
        2023,
        datetime.date(2023, 3, 31),
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        (
            "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang",
            "Enacting Government Regulation in Lieu of Law No. 2 of 2022 on Job Creation as Law",
        ),
        (
            "Menetapkan Perppu Cipta Kerja menjadi undang-undang; klaster ketenagakerjaannya mengubah UU 13/2003 "
            "antara lain tentang PKWT, alih daya, waktu kerja, pengupahan dan PHK.",
            "Enacts the Job Creation regulation in lieu of law as a law; its manpower part amends Law 13/2003 on, "
            "among others, fixed-term contracts, outsourcing, working time, wages and termination.",
        ),
    ),
    "pp-35-2021": (
        RegulationType.PP,
        "35",
        2021,
        datetime.date(2021, 2, 2),
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        (
            "Perjanjian Kerja Waktu Tertentu, Alih Daya, Waktu Kerja dan Waktu Istirahat, dan Pemutusan Hubungan Kerja",
            "Fixed-Term Employment Contracts, Outsourcing, Working Time and Rest Time, and Termination of Employment",
        ),
        (
            "Aturan pelaksanaan tentang PKWT (termasuk pencatatannya), alih daya, waktu kerja dan istirahat, serta "
            "tata cara dan hak akibat pemutusan hubungan kerja.",
            "Implementing rules on fixed-term contracts (including their recording), outsourcing, working and rest "
            "time, and the procedure and entitlements on termination of employment.",
        ),
    ),
    "uu-25-2009": (
        RegulationType.UU,
        "25",
        2009,
        datetime.date(2009, 7, 18),
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        ("Pelayanan Publik", "Public Services"),
        (
            "Hak masyarakat atas pelayanan publik yang baik; Pasal 21 mewajibkan setiap penyelenggara menyusun dan "
            "menerbitkan standar pelayanan serta maklumat pelayanan.",
            "The public's right to good public services; Article 21 requires every provider to set and publish a "
            "service standard and a service pledge.",
        ),
    ),
    "pp-96-2012": (
        RegulationType.PP,
        "96",
        2012,
        None,
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        (
            "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Implementing Law No. 25 of 2009 on Public Services",
        ),
        (
            "Aturan pelaksanaan UU Pelayanan Publik: ruang lingkup, sistem pelayanan terpadu, pedoman biaya dan "
            "pengikutsertaan masyarakat.",
            "Implementing rules of the Public Services Law: scope, integrated service systems, guidance on fees and "
            "public participation.",
        ),
    ),
    "permenpan-rb-15-2014": (
        RegulationType.PERMEN,
        "15",
        2014,
        None,
        RegulationStatus.IN_FORCE,
        MENPAN,
        ("Pedoman Standar Pelayanan", "Guideline on Service Standards"),
        (
            "Empat belas komponen standar pelayanan yang wajib disusun dan dipublikasikan setiap unit layanan, dari "
            "persyaratan dan prosedur sampai evaluasi kinerja pelaksana.",
            "The fourteen components of a service standard every service unit must set and publish, from "
            "requirements and procedure to the evaluation of staff performance.",
        ),
    ),
    "permenpan-rb-14-2017": (
        RegulationType.PERMEN,
        "14",
        2017,
        None,
        RegulationStatus.IN_FORCE,
        MENPAN,
        (
            "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik",
            "Guideline on Public Satisfaction Surveys of Public Service Units",
        ),
        (
            "Survei kepuasan masyarakat (SKM) sedikitnya sekali setahun atas sembilan unsur pelayanan, dengan nilai "
            "indeks 25 sampai 100 dan mutu A sampai D.",
            "A public satisfaction survey (SKM) at least once a year on nine service elements, giving an index from "
            "25 to 100 graded A to D.",
        ),
    ),
    "uu-14-2008": (
        RegulationType.UU,
        "14",
        2008,
        datetime.date(2008, 4, 30),
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        ("Keterbukaan Informasi Publik", "Public Information Disclosure"),
        (
            "Hak setiap orang memperoleh informasi publik; badan publik menunjuk Pejabat Pengelola Informasi dan "
            "Dokumentasi (PPID) dan menjawab permohonan informasi.",
            "Everyone's right to public information; public bodies appoint an information officer (PPID) and answer "
            "information requests.",
        ),
    ),
    "uu-27-2022": (
        RegulationType.UU,
        "27",
        2022,
        datetime.date(2022, 10, 17),
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        ("Pelindungan Data Pribadi", "Personal Data Protection"),
        (
            "Dasar pemrosesan data pribadi, hak subjek data, kewajiban pengendali data dan pemberitahuan kegagalan "
            "pelindungan; berlaku bagi formulir layanan dan pengaduan di situs ini.",
            "Lawful grounds for processing personal data, data subjects' rights, controllers' duties and breach "
            "notification; it applies to the service and complaint forms on this site.",
        ),
    ),
    "perpres-95-2018": (
        RegulationType.PERPRES,
        "95",
        2018,
        None,
        RegulationStatus.IN_FORCE,
        PRESIDENT,
        ("Sistem Pemerintahan Berbasis Elektronik", "Electronic-Based Government Systems"),
        (
            "Kebijakan nasional SPBE: tata kelola, layanan, aplikasi dan infrastruktur pemerintahan berbasis "
            "elektronik yang terpadu, termasuk di pemerintah daerah.",
            "The national e-government (SPBE) policy: integrated governance, services, applications and "
            "infrastructure, in local governments too.",
        ),
    ),
    "uu-23-2014": (
        RegulationType.UU,
        "23",
        2014,
        None,
        RegulationStatus.AMENDED,
        PRESIDENT,
        ("Pemerintahan Daerah", "Regional Government"),
        (
            "Pembagian urusan pemerintahan antara pusat dan daerah, termasuk urusan tenaga kerja yang dijalankan "
            "dinas kota; diubah beberapa kali, antara lain dengan UU 9/2015.",
            "Divides government affairs between the centre and the regions, including the manpower affairs a city "
            "office carries out; amended several times, among others by Law 9/2015.",
        ),
    ),
    "uu-12-2011": (
        RegulationType.UU,
        "12",
        2011,
        None,
        RegulationStatus.AMENDED,
        PRESIDENT,
        ("Pembentukan Peraturan Perundang-undangan", "Making Laws and Regulations"),
        (
            "Jenis dan hierarki peraturan perundang-undangan serta tata cara pembentukannya, yang menjadi urutan "
            "jenis peraturan di perpustakaan ini.",
            "The types and hierarchy of legislation and how it is made; this library lists types in that order.",
        ),
    ),
    "permenaker-28-2014": (
        RegulationType.PERMEN,
        "28",
        2014,
        None,
        RegulationStatus.IN_FORCE,
        ("Menteri Ketenagakerjaan", "Minister of Manpower"),
        (
            "Tata Cara Pembuatan dan Pengesahan Peraturan Perusahaan serta Pembuatan dan Pendaftaran Perjanjian Kerja Bersama",
            "Making and Approving Company Regulations and Making and Registering Collective Labour Agreements",
        ),
        (
            "Prosedur pengesahan peraturan perusahaan dan pendaftaran perjanjian kerja bersama, dua layanan dinas "
            "untuk perusahaan.",
            "The procedure to approve company regulations and register collective labour agreements, two of the "
            "office's services for employers.",
        ),
    ),
    "permenakertrans-16-2011": (
        RegulationType.PERMEN,
        "PER.16/MEN/XI/2011",
        2011,
        None,
        RegulationStatus.REVOKED,
        ("Menteri Tenaga Kerja dan Transmigrasi", "Minister of Manpower and Transmigration"),
        (
            "Tata Cara Pembuatan dan Pengesahan Peraturan Perusahaan serta Pembuatan dan Pendaftaran Perjanjian Kerja Bersama",
            "Making and Approving Company Regulations and Making and Registering Collective Labour Agreements",
        ),
        (
            "Aturan lama tentang peraturan perusahaan dan perjanjian kerja bersama; dicabut dan diganti dengan "
            "Permenaker 28/2014.",
            "The former rules on company regulations and collective labour agreements; revoked and replaced by "
            "Minister of Manpower Regulation 28/2014.",
        ),
    ),
}

#: (from, kind, to); the reverse links are listed too, as editors would.
RELATIONS = [
    ("uu-13-2003", RelationKind.AMENDED_BY, "uu-6-2023"),
    ("uu-6-2023", RelationKind.AMENDS, "uu-13-2003"),
    ("uu-13-2003", RelationKind.IMPLEMENTED_BY, "pp-35-2021"),
    ("uu-13-2003", RelationKind.IMPLEMENTED_BY, "permenaker-28-2014"),
    ("pp-35-2021", RelationKind.IMPLEMENTS, "uu-13-2003"),
    ("pp-35-2021", RelationKind.RELATED, "uu-6-2023"),
    ("uu-6-2023", RelationKind.RELATED, "pp-35-2021"),
    ("uu-25-2009", RelationKind.IMPLEMENTED_BY, "pp-96-2012"),
    ("uu-25-2009", RelationKind.IMPLEMENTED_BY, "permenpan-rb-15-2014"),
    ("uu-25-2009", RelationKind.IMPLEMENTED_BY, "permenpan-rb-14-2017"),
    ("pp-96-2012", RelationKind.IMPLEMENTS, "uu-25-2009"),
    ("permenpan-rb-15-2014", RelationKind.IMPLEMENTS, "uu-25-2009"),
    ("permenpan-rb-15-2014", RelationKind.RELATED, "permenpan-rb-14-2017"),
    ("permenpan-rb-14-2017", RelationKind.IMPLEMENTS, "uu-25-2009"),
    ("permenpan-rb-14-2017", RelationKind.RELATED, "permenpan-rb-15-2014"),
    ("uu-14-2008", RelationKind.RELATED, "uu-25-2009"),
    ("uu-14-2008", RelationKind.RELATED, "uu-27-2022"),
    ("uu-27-2022", RelationKind.RELATED, "uu-14-2008"),
    ("permenaker-28-2014", RelationKind.IMPLEMENTS, "uu-13-2003"),
    ("permenaker-28-2014", RelationKind.REVOKES, "permenakertrans-16-2011"),
    ("permenakertrans-16-2011", RelationKind.REVOKED_BY, "permenaker-28-2014"),
    ("perwali-44-2016", RelationKind.RELATED, "uu-23-2014"),
    ("perwali-44-2016", RelationKind.RELATED, "uu-12-2011"),
    ("perwali-44-2016", RelationKind.RELATED, "uu-25-2009"),
    ("perwali-44-2016", RelationKind.RELATED, "uu-14-2008"),
    ("perwali-44-2016", RelationKind.RELATED, "perpres-95-2018"),
    ("perpres-95-2018", RelationKind.RELATED, "perwali-44-2016"),
    ("uu-23-2014", RelationKind.RELATED, "perwali-44-2016"),
]

BODIES = {"perwali-44-2016": (PERWALI_44_BODY_ID, PERWALI_44_BODY_EN)}


def minimal_pdf(lines):
    """A valid one-page A4 PDF showing ``lines`` in Helvetica; no dependency.

    Characters outside Latin-1 become "?"; the cross-reference table is
    computed from the real byte offsets.
    """

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    operations = ["BT", "/F1 12 Tf", "16 TL", "56 780 Td"]
    operations += [f"({escape(line)}) Tj T*" for line in lines]
    operations.append("ET")
    content = "\n".join(operations).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_offset = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_offset,
    )
    return bytes(output)


def regulation_pdf_lines(formal_citation, title):
    return [
        "Dinas Tenaga Kerja Kota Palembang - Perpustakaan Regulasi",
        "",
        formal_citation.upper(),
        "tentang",
        *textwrap.wrap(title, 80),
        "",
        "Salinan untuk demonstrasi. Teks resmi: JDIH (peraturan.go.id, jdih.palembang.go.id).",
    ]


def ensure_pdf(slug, formal_citation, title):
    """The regulation's PDF as a Wagtail document, created on the first run only."""
    Document = get_document_model()
    document = Document.objects.filter(title=formal_citation).first()
    if document is None:
        data = minimal_pdf(regulation_pdf_lines(formal_citation, title))
        document = Document(title=formal_citation)
        document.file.save(f"{slug}.pdf", ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def seed(homes):
    index_id, index_en = upsert_bilingual(
        homes.id,
        RegulationIndexPage,
        "regulasi",
        id_fields={
            "title": "Regulasi",
            "intro": "Peraturan yang menjadi dasar layanan Dinas Tenaga Kerja Kota Palembang, dari undang-undang "
            "sampai peraturan walikota, dengan salinan PDF. Disusun sesuai Pasal 5 ayat (1) huruf f Perwali 44/2016.",
            "search_description": "Perpustakaan regulasi ketenagakerjaan dan pelayanan publik Dinas Tenaga Kerja Kota Palembang.",
        },
        en_fields={
            "title": "Regulations",
            "slug": "regulations",
            "intro": "The regulations behind the services of the Manpower Office of the City of Palembang, from "
            "laws to mayor regulations, with PDF copies. Kept under Article 5(1)(f) of Mayor Regulation 44/2016.",
            "search_description": "Library of manpower and public-service regulations of the Palembang Manpower Office.",
        },
        show_in_menus=True,
    )

    pages = {}
    for slug, (kind, number, year, enacted, status, issuer, title, summary) in REGULATIONS.items():
        formal_citation = f"{INDONESIAN_NAMES[kind]} Nomor {number} Tahun {year}"
        body_id, body_en = BODIES.get(slug, ("[]", "[]"))
        pages[slug] = upsert_bilingual(
            index_id,
            RegulationPage,
            slug,
            id_fields={"title": title[0], "issuer": issuer[0], "summary": summary[0], "body": body_id},
            en_fields={
                "title": title[1],
                "slug": slug,
                "issuer": issuer[1],
                "summary": summary[1],
                "body": body_en,
            },
            regulation_type=kind,
            number=number,
            year=year,
            date_enacted=enacted,
            status=status,
            pdf=ensure_pdf(slug, formal_citation, title[0]),
        )

    for language in (0, 1):
        for slug, versions in pages.items():
            page = versions[language]
            wanted = [
                (kind, pages[target][language].pk) for source, kind, target in RELATIONS if source == slug
            ]
            if [(link.kind, link.target_id) for link in page.related_regulations.all()] == wanted:
                continue
            page.related_regulations = [
                RelatedRegulation(kind=kind, target_id=target_id, sort_order=order)
                for order, (kind, target_id) in enumerate(wanted)
            ]
            page.save_revision().publish()
    return index_id, index_en
