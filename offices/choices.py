"""Fixed lists of the offices app: kinds of access point and Palembang's districts."""

from django.utils.translation import gettext_lazy as _

OFFICE_COUNTER = "office_counter"
COMMUNITY_CENTRE = "community_centre"
INTERNET_KIOSK = "internet_kiosk"
PUBLIC_SERVICE_MALL = "public_service_mall"
TRAINING_CENTRE = "training_centre"
OTHER = "other"

ACCESS_POINT_KINDS = [
    (OFFICE_COUNTER, _("Service counter at the office")),
    (COMMUNITY_CENTRE, _("Community centre (MCC / balai warga)")),
    (INTERNET_KIOSK, _("Internet kiosk")),
    (PUBLIC_SERVICE_MALL, _("Public service mall counter (Mal Pelayanan Publik)")),
    (TRAINING_CENTRE, _("Training centre")),
    (OTHER, _("Other access point")),
]

# The 18 districts (kecamatan) of Palembang. Proper names, the same in both
# languages, so they are not translated.
DISTRICTS = [
    ("alang-alang-lebar", "Alang-Alang Lebar"),
    ("bukit-kecil", "Bukit Kecil"),
    ("gandus", "Gandus"),
    ("ilir-barat-i", "Ilir Barat I"),
    ("ilir-barat-ii", "Ilir Barat II"),
    ("ilir-timur-i", "Ilir Timur I"),
    ("ilir-timur-ii", "Ilir Timur II"),
    ("ilir-timur-iii", "Ilir Timur III"),
    ("jakabaring", "Jakabaring"),
    ("kalidoni", "Kalidoni"),
    ("kemuning", "Kemuning"),
    ("kertapati", "Kertapati"),
    ("plaju", "Plaju"),
    ("sako", "Sako"),
    ("seberang-ulu-i", "Seberang Ulu I"),
    ("seberang-ulu-ii", "Seberang Ulu II"),
    ("sematang-borang", "Sematang Borang"),
    ("sukarami", "Sukarami"),
]
