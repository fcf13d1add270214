from openita.cli import main

main()
