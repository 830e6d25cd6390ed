"""The commands, one module per job; `estuary.cli` registers them in one visible list.

Each command parses, opens the store, calls one library function and hands the result to
`estuary.output.emit`. No command module imports the app.
"""
