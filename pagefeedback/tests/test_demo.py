from pagefeedback import demo
from pagefeedback.models import PageFeedback


def test_the_demo_adds_votes_and_can_run_again(homes):
    demo.seed(homes)
    first = PageFeedback.objects.count()

    demo.seed(homes)

    assert first > 0
    assert PageFeedback.objects.count() == first
    assert PageFeedback.objects.filter(helpful=False).exclude(comment="").exists()
