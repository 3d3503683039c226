"""Demo content (seed_demo): the feedback page in both languages, tickets in
every status (a PPID request among them, one with a LAPOR! ID, one overdue)
and a published summary. Safe to run again: tickets are found by subject.

Demo tickets are written directly, without notification e-mails, and their
contacts use example.id addresses."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from core.crypto import contact_hash
from core.demo import upsert_bilingual
from core.references import next_reference
from core.workingdays import add_working_days
from offices.models import Division

from .models import (
    REFERENCE_PREFIXES,
    FeedbackPage,
    FeedbackTicket,
    PublishedTicket,
    TicketEvent,
    TicketStatus,
    TicketType,
)
from .services import PPID_EXTENSION_WORKING_DAYS, due_date_for

INTRO_ID = (
    "<p>Sampaikan pengaduan, aspirasi atau saran tentang layanan Dinas Tenaga Kerja Kota Palembang. "
    "Setiap pesan mendapat nomor tiket; dengan nomor itu dan e-mail atau nomor telepon yang Anda berikan, "
    "Anda dapat melihat status dan jawaban kami. Pengaduan juga dapat disampaikan melalui "
    '<a href="https://www.lapor.go.id/">SP4N-LAPOR!</a>.</p>'
)
INTRO_EN = (
    "<p>Send a complaint, an aspiration or a suggestion about the services of the Manpower Office of the "
    "City of Palembang. Every message gets a reference number; with it and the e-mail address or phone "
    "number you gave, you can see its status and our reply. Complaints can also be sent through "
    '<a href="https://www.lapor.go.id/">SP4N-LAPOR!</a>.</p>'
)

# (days ago, type, status, division code, subject, message, reply, extras)
TICKETS = [
    (
        1,
        TicketType.COMPLAINT,
        TicketStatus.RECEIVED,
        "penempatan",
        "Kartu kuning belum selesai setelah dua minggu",
        "Saya mendaftar kartu AK/I secara daring dua minggu lalu, tetapi statusnya masih menunggu verifikasi.",
        "",
        {"name": "Andi Pratama", "email": "andi.pratama@example.id"},
    ),
    (
        4,
        TicketType.ASPIRATION,
        TicketStatus.IN_PROCESS,
        "pelatihan",
        "Pelatihan las untuk perempuan",
        "Mohon dibuka kelas pelatihan las dan otomotif khusus perempuan di UPTD BLKP pada akhir pekan.",
        "",
        {"name": "Dewi Lestari", "phone": "081377001122"},
    ),
    (
        12,
        TicketType.COMPLAINT,
        TicketStatus.IN_PROCESS,
        "hubungan-industrial",
        "Upah lembur tidak dibayar",
        "Perusahaan tempat saya bekerja tidak membayar upah lembur selama tiga bulan terakhir.",
        "",
        {"anonymous": True, "email": "pekerja.anonim@example.id"},
    ),
    (
        9,
        TicketType.COMPLAINT,
        TicketStatus.ANSWERED,
        "penempatan",
        "Antrean loket kartu kuning terlalu panjang",
        "Pada hari Senin saya antre lebih dari tiga jam di loket kartu kuning.",
        "Terima kasih atas laporan Anda. Mulai bulan ini kami membuka loket tambahan setiap Senin pagi dan "
        "pendaftaran daring kartu kuning dapat dilakukan dari rumah.",
        {"name": "Rudi Hartono", "email": "rudi.hartono@example.id", "lapor_id": "LPR-2026-0417"},
    ),
    (
        20,
        TicketType.SUGGESTION,
        TicketStatus.CLOSED,
        "perencanaan",
        "Jadwal bursa kerja di situs web",
        "Sebaiknya jadwal bursa kerja diumumkan di situs web paling lambat dua minggu sebelumnya.",
        "Saran Anda kami terapkan: jadwal bursa kerja kini terbit di halaman Berita dan Agenda.",
        {"name": "Maya Sari", "email": "maya.sari@example.id"},
    ),
    (
        6,
        TicketType.INFORMATION_REQUEST,
        TicketStatus.IN_PROCESS,
        "sekretariat",
        "Data pencari kerja terdaftar tahun 2025",
        "Saya memohon data jumlah pencari kerja terdaftar per kecamatan tahun 2025 untuk penelitian skripsi.",
        "",
        {
            "name": "Fajar Nugroho",
            "email": "fajar.nugroho@example.id",
            "extend": "Data per kecamatan sedang direkap dari arsip bidang.",
        },
    ),
]

PUBLISHED = {
    "subject": "Antrean loket kartu kuning terlalu panjang",
    "title": "Antrean panjang di loket kartu kuning",
    "told": "Seorang warga menyampaikan bahwa antrean di loket kartu kuning pada hari Senin bisa lebih dari tiga jam.",
    "did": "Kami membuka loket tambahan setiap Senin pagi dan memperkenalkan pendaftaran kartu kuning secara "
    "daring, sehingga warga tidak perlu datang untuk mendaftar.",
}
PUBLISHED_EN = {
    "title": "Long queues at the job-seeker card counter",
    "told": "A resident told us that on Mondays the queue at the job-seeker card (kartu kuning) counter could take more than three hours.",
    "did": "We open an extra counter every Monday morning and introduced online registration for the job-seeker card, "
    "so people no longer need to come in to register.",
}


def seed(homes):
    upsert_bilingual(
        homes.id,
        FeedbackPage,
        "pengaduan",
        {"title": "Pengaduan, aspirasi dan saran", "intro": INTRO_ID},
        {"title": "Complaints, aspirations and suggestions", "slug": "feedback", "intro": INTRO_EN},
    )
    locale = Locale.objects.get(language_code="id")
    divisions = {division.code: division for division in Division.objects.filter(locale=locale)}
    for row in TICKETS:
        _ticket(row, divisions)
    _published(divisions)


def _ticket(row, divisions):
    days_ago, ticket_type, status, division_code, subject, message, reply, extras = row
    if FeedbackTicket.objects.filter(subject=subject).exists():
        return
    received = timezone.now() - timedelta(days=days_ago)
    division = divisions.get(division_code)
    email, phone = extras.get("email", ""), extras.get("phone", "")
    ticket = FeedbackTicket.objects.create(
        reference=next_reference(REFERENCE_PREFIXES[ticket_type]),
        type=ticket_type,
        division=division,
        assigned_division=division,
        subject=subject,
        message=message,
        anonymous=extras.get("anonymous", False),
        name=extras.get("name", ""),
        email=email,
        phone=phone,
        email_hash=contact_hash(email),
        phone_hash=contact_hash(phone),
        language="id",
        status=status,
        received_at=received,
        due_date=due_date_for(ticket_type, timezone.localdate(received)),
        lapor_id=extras.get("lapor_id", ""),
    )
    TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.CREATED, to_status="received", created_at=received
    )
    if status != TicketStatus.RECEIVED:
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.STATUS,
            from_status=TicketStatus.RECEIVED,
            to_status=TicketStatus.IN_PROCESS,
            created_at=received + timedelta(days=1),
        )
    if extras.get("extend"):
        ticket.due_date = add_working_days(ticket.due_date, PPID_EXTENSION_WORKING_DAYS)
        ticket.extended, ticket.extension_reason = True, extras["extend"]
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.EXTENSION,
            text=extras["extend"],
            created_at=received + timedelta(days=2),
        )
    if reply:
        ticket.public_reply, ticket.replied_at = reply, received + timedelta(days=3)
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.REPLY,
            from_status=TicketStatus.IN_PROCESS,
            to_status=TicketStatus.ANSWERED,
            text=reply,
            created_at=ticket.replied_at,
        )
    if status == TicketStatus.CLOSED:
        ticket.closed_at = received + timedelta(days=5)
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.STATUS,
            from_status=TicketStatus.ANSWERED,
            to_status=TicketStatus.CLOSED,
            created_at=ticket.closed_at,
        )
    ticket.save()


def _published(divisions):
    """The summary in Indonesian and its English translation, both published."""
    ticket = FeedbackTicket.objects.filter(subject=PUBLISHED["subject"]).first()
    locale_id = Locale.objects.get(language_code="id")
    locale_en = Locale.objects.get(language_code="en")
    original, _created = PublishedTicket.objects.update_or_create(
        title=PUBLISHED["title"],
        locale=locale_id,
        defaults={
            "ticket": ticket,
            "type": TicketType.COMPLAINT,
            "division": divisions.get("penempatan"),
            "what_you_told_us": PUBLISHED["told"],
            "what_we_did": PUBLISHED["did"],
            "received_on": timezone.localdate(ticket.received_at) if ticket else timezone.localdate(),
            "answered_on": timezone.localdate(ticket.replied_at) if ticket and ticket.replied_at else None,
            "live": True,
        },
    )
    english = original.get_translation_or_none(locale_en) or original.copy_for_translation(locale_en)
    english.title = PUBLISHED_EN["title"]
    english.what_you_told_us = PUBLISHED_EN["told"]
    english.what_we_did = PUBLISHED_EN["did"]
    english.type, english.division = original.type, original.division
    english.received_on, english.answered_on = original.received_on, original.answered_on
    english.live = True
    english.save()
