"""HTML -> PDF with WeasyPrint, an optional dependency (`pip install 'zhineng[pdf]'`; it needs Pango, which
`make install` brings from Debian). Imported only when a PDF is made."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ZhinengError

INSTALL = (
    "PDF forms need WeasyPrint: pip install 'zhineng[pdf]' (on Debian also: apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0), or use --no-pdf for HTML forms"
)


def pdf_writer() -> Callable[[str], bytes]:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint installed, Pango missing
        raise ZhinengError(f"{INSTALL} ({exc})") from None

    def to_pdf(html: str) -> bytes:
        data: bytes = HTML(string=html).write_pdf()
        return data

    return to_pdf
