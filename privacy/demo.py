"""The text of the privacy notice page (seeded by home.demo): what is
collected, why, who reads it, how long it is kept and how to ask for a copy
or its erasure, in Indonesian and English. The retention period comes from
PERSONAL_DATA_RETENTION_DAYS, so the notice says what the purge does."""

from core.demo import stream

from .services import retention_days

NUMBER_WORDS = {
    1: ("satu", "one"),
    2: ("dua", "two"),
    3: ("tiga", "three"),
    4: ("empat", "four"),
    5: ("lima", "five"),
    10: ("sepuluh", "ten"),
}


def retention_period(days=None):
    """("dua tahun", "two years") for 730 days; ("90 hari", "90 days") for 90."""
    days = retention_days() if days is None else days
    if days % 365 == 0:
        years = days // 365
        words = NUMBER_WORDS.get(years, (str(years), str(years)))
        return f"{words[0]} tahun", f"{words[1]} year{'s' if years != 1 else ''}"
    return f"{days} hari", f"{days} day{'s' if days != 1 else ''}"


def notice_bodies(days=None):
    """The notice's body in Indonesian and in English (StreamField JSON)."""
    period_id, period_en = retention_period(days)
    body_id = stream(
        (
            "paragraph",
            "<p>Dinas Tenaga Kerja Kota Palembang mengolah data pribadi yang Anda kirim melalui formulir di situs ini "
            "sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP).</p>"
            "<h2>Data apa yang kami kumpulkan</h2>"
            "<p>Hanya yang Anda isi di formulir: nama, nomor telepon, alamat e-mail, isi pengaduan, permohonan, "
            "pertanyaan atau tanggapan Anda, jawaban formulir layanan (termasuk NIK bila layanan memerlukannya) "
            "dan berkas lampiran. Penilaian halaman (&ldquo;Apakah halaman ini berguna?&rdquo;) dan survei kepuasan "
            "disimpan tanpa nama, alamat e-mail atau nomor telepon.</p>"
            "<h2>Untuk apa data Anda dipakai</h2>"
            "<p>Untuk menangani permohonan, pengaduan, pertanyaan atau tanggapan yang Anda kirim, memberi tahu Anda "
            "perkembangannya, meneruskannya ke sistem yang memprosesnya, dan menyusun statistik layanan tanpa "
            "identitas. Dasarnya adalah persetujuan yang Anda berikan di formulir dan tugas pelayanan publik dinas. "
            "Data Anda tidak dijual, tidak dipakai untuk promosi dan tidak dimasukkan ke indeks pencarian.</p>"
            "<h2>Siapa yang membacanya</h2>"
            "<p>Hanya petugas bidang yang menangani urusan Anda dan administrator situs di Bidang Perencanaan dan "
            "Pengembangan. Permohonan layanan diteruskan ke sistem instansi yang memprosesnya; pengaduan diteruskan "
            "ke SP4N-LAPOR! hanya bila Anda menyetujuinya, dan identitas Anda ikut hanya bila Anda memintanya. "
            "Data disimpan terenkripsi, dan lampiran tidak pernah tersedia di alamat publik.</p>"
            "<h2>Berapa lama kami menyimpannya</h2>"
            f"<p>Selama urusan Anda ditangani, lalu {period_id} sejak urusan itu selesai (pengaduan dijawab atau "
            "ditutup, permohonan selesai atau ditolak, pertanyaan dijawab, konsultasi publik ditutup). Setelah itu "
            "nama, kontak, NIK, isi pesan dan lampiran dihapus otomatis; yang tersisa hanya statistik tanpa "
            "identitas (jumlah, jenis, status, tanggal dan nilai survei kepuasan).</p>"
            "<h2>Hak Anda: salinan dan penghapusan</h2>"
            "<p>Anda berhak mendapat salinan semua data yang kami simpan tentang Anda, meminta perbaikannya, atau "
            "meminta penghapusannya lebih awal. Ajukan melalui formulir pengaduan atau di loket layanan, dengan "
            "menyebut alamat e-mail atau nomor telepon yang Anda pakai di formulir. Setelah memastikan bahwa "
            "permintaan itu dari Anda, administrator mengirim salinannya (berkas ZIP) atau menghapus datanya; "
            "urusan yang masih berjalan berhenti ditangani bila datanya dihapus.</p>",
        )
    )
    body_en = stream(
        (
            "paragraph",
            "<p>The Manpower Office of the City of Palembang processes the personal data you send through this "
            "site's forms under Law 27 of 2022 on Personal Data Protection.</p>"
            "<h2>What we collect</h2>"
            "<p>Only what you enter in a form: your name, telephone number and e-mail address, what your "
            "complaint, request, question or comment says, the answers of a service's form (the NIK where the "
            "service needs it) and attached files. Page ratings (&ldquo;Was this page useful?&rdquo;) and the "
            "satisfaction survey are kept without names, e-mail addresses or telephone numbers.</p>"
            "<h2>Why</h2>"
            "<p>To handle the application, complaint, question or comment you send, to tell you how it progresses, "
            "to pass it to the system that processes it, and to compile service statistics without identities. "
            "The basis is the consent you give on the form and the office's public-service duties. Your data is "
            "not sold, not used for marketing and not put in any search index.</p>"
            "<h2>Who reads it</h2>"
            "<p>Only the staff of the division handling your matter and the site's administrators in the Planning "
            "and Development Division. Applications go to the institution's system that processes them; complaints "
            "go to SP4N-LAPOR! only if you agree, and your identity with them only if you ask. The data is stored "
            "encrypted, and attachments are never at a public address.</p>"
            "<h2>How long we keep it</h2>"
            f"<p>While your matter is handled, then for {period_en} after it is closed (a complaint answered or "
            "closed, an application completed or rejected, a question answered, a public consultation closed). "
            "After that your name, contact details, NIK, messages and attachments are erased automatically; only "
            "statistics without identities remain (numbers, types, statuses, dates and satisfaction scores).</p>"
            "<h2>Your rights: a copy, and erasure</h2>"
            "<p>You may have a copy of all the data we hold about you, ask for it to be corrected, or ask for it "
            "to be erased earlier. Ask through the complaint form or at a service counter, giving the e-mail "
            "address or telephone number you used on the forms. Once they have made sure the request comes from "
            "you, the administrators send you the copy (a ZIP file) or erase the data; a matter still open stops "
            "being handled once its data is erased.</p>",
        )
    )
    return body_id, body_en
