import SentraCore; import GRDB; import CZlib; enum P {}
