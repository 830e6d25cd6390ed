"""Where a result goes: the console (`console/`), JSON, an HTML page (`html/`), export
formats (`export/`). `emit` is the one call a command makes."""
