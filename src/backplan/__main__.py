from backplan.cli import main

main()
