from django.core.paginator import Paginator


def paginate(request, object_list, per_page=10, param="page"):
    """A page of ``object_list`` that never fails on a bad ``?page=``.

    Non-numbers and numbers below one give the first page; numbers past the
    end give the last page.
    """
    paginator = Paginator(object_list, per_page)
    try:
        number = int(request.GET.get(param, 1))
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)
