<map version="1.0.1">
<!-- Hand-written for Impact Mapper's tests, in the form FreeMind 1.0 writes. -->
<node CREATED="1700000000000" ID="ID_ROOT" MODIFIED="1700000000000" TEXT="Launch the member app">
<richcontent TYPE="NOTE"><html>
  <head>
    <style>p { margin: 0 }</style>
  </head>
  <body>
    <p>Owner: product team</p>
    <p>Review in <b>March</b></p>
  </body>
</html></richcontent>
<attribute NAME="deadline" VALUE="2027-03-31"/>
<node ID="ID_A" POSITION="right" TEXT="Members" FOLDED="true">
<icon BUILTIN="idea"/>
<font BOLD="true" NAME="SansSerif" SIZE="12"/>
<node ID="ID_I" TEXT="Renew online">
<node ID="ID_D" TEXT="One-click renewal">
<arrowlink DESTINATION="ID_I2" ENDARROW="Default" STARTARROW="None"/>
<node ID="ID_E" TEXT="Wizard of Oz renewal by mail">
<node ID="ID_X" TEXT="Answer within a day">
<richcontent TYPE="DETAILS"><html><body><p>Measured by the inbox</p></body></html></richcontent>
</node>
</node>
</node>
</node>
<node ID="ID_I2" TEXT="Invite a friend"/>
</node>
<node ID="ID_B" POSITION="left">
<richcontent TYPE="NODE"><html><head></head><body><p>Front <i>desk</i> staff</p></body></html></richcontent>
<arrowlink DESTINATION="ID_ROOT"/>
<node ID="ID_B1" TEXT="Suggest the app at check-in" LINK="https://example.org/checkin"/>
</node>
</node>
</map>
