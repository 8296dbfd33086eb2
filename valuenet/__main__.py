from valuenet.cli import run

run()
