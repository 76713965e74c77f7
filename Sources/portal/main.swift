import CLI

await PortalCommand.runFromCommandLine()
