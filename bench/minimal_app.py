"""The baseline for bench_startup: the smallest useful Textual app (Header, DataTable, Footer)."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Số", "Nội dung")
        for i in range(50):
            table.add_row(f"hd3.{i}", f"READY hoạt động {i}")


if __name__ == "__main__":
    Minimal().run()
