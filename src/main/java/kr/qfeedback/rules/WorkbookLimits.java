package kr.qfeedback.rules;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an .xlsx file's parts before POI does, so that a hostile workbook gets a clear Korean
 * refusal instead of filling the memory: at most {@value #MAX_ENTRIES} parts and
 * {@value #MAX_TOTAL_BYTES} bytes unpacked in all (a zip bomb stops there), no XML part with a
 * document type declaration (where entity bombs live), and no sheet with more than
 * {@link TableTemplate#MAX_ROWS} rows. Files that are not zip archives (.xls) are left to POI.
 */
final class WorkbookLimits {
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    /** Why a workbook is refused before it is opened, as a Korean sentence. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private WorkbookLimits() {}

    static void check(byte[] content) throws Refused {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return;
        }
        long[] total = {0};
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new Refused("엑셀 파일 안의 부분이 너무 많습니다(" + MAX_ENTRIES + "개 넘음). 결정표를 .xlsx 로 다시 저장해 주세요.");
                }
                InputStream part = new Limited(zip, total);
                String name = entry.getName();
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    readXml(name, part);
                }
                part.transferTo(OutputNowhere.INSTANCE);
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not readable as a zip here: POI says so in its own words.
        }
    }

    private static void readXml(String name, InputStream part) throws Refused {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        boolean sheet = name.startsWith("xl/worksheets/");
        int rows = 0;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(part);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new Refused(
                                "엑셀 파일의 " + name + " 에 문서 형식 정의(DOCTYPE, 엔터티)가 있습니다. 엑셀이 저장한 파일에는 없는 것이라 읽지 않습니다."
                                        + " 결정표를 엑셀이나 리브레오피스에서 .xlsx 로 다시 저장해 주세요.");
                    }
                    if (sheet
                            && event == XMLStreamConstants.START_ELEMENT
                            && "row".equals(reader.getLocalName())
                            && ++rows > TableTemplate.MAX_ROWS) {
                        throw new Refused("시트(" + name + ")에 행이 너무 많습니다(" + TableTemplate.MAX_ROWS + "행 넘음). 결정표 시트는 "
                                + TableTemplate.MAX_ROWS + "행까지 쓸 수 있습니다.");
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof Refused refused) {
                throw refused;
            }
            if (e.getCause() instanceof Refused refused) {
                throw refused;
            }
            // A broken part: POI reports it when it opens the file.
        }
    }

    /** Counts the unpacked bytes of every part together and stops at {@link #MAX_TOTAL_BYTES}. */
    private static final class Limited extends FilterInputStream {
        private final long[] total;

        Limited(InputStream in, long[] total) {
            super(in);
            this.total = total;
        }

        @Override
        public void close() {
            // The zip stream stays open for the next part.
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws Refused {
            total[0] += n;
            if (total[0] > MAX_TOTAL_BYTES) {
                throw new Refused("엑셀 파일을 풀면 너무 큽니다(" + (MAX_TOTAL_BYTES / 1024 / 1024) + "MB 넘음, 압축 폭탄일 수 있습니다)."
                        + " 결정표 파일은 그보다 작아야 합니다.");
            }
        }
    }

    private static final class OutputNowhere extends java.io.OutputStream {
        static final OutputNowhere INSTANCE = new OutputNowhere();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
