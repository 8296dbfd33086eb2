from valuenet.cli import app

app(prog_name="valuenet")
