"""cchc-tui: theo dõi kế hoạch và tự đánh giá Chỉ số CCHC, ngoại tuyến."""

__version__ = "0.1.0"
